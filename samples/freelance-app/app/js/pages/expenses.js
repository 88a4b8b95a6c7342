// #/expenses — expenses saved through the API, with a total in the user's default currency.
var ExpensesPage = (function () {
  function render() {
    var root = document.getElementById('app');
    var currency = Store.settings().currency;
    root.innerHTML = '<h1>My expenses</h1>' + UI.spinner() + '<div id="expenses-list"></div>';
    Api.listExpenses().then(function (expenses) {
      var list = document.getElementById('expenses-list');
      var spinner = root.querySelector('.spinner');
      if (!expenses.length) {
        spinner.remove();
        list.innerHTML = '<p id="expenses-empty" class="empty">No expenses yet. <a href="#/expenses/new">Add one</a></p>';
        return;
      }
      var total = expenses.reduce(function (sum, e) { return sum + Fmt.convert(e.amount, e.currency, currency); }, 0);
      list.innerHTML = '<table><thead><tr><th>Merchant</th><th>Category</th><th>Date</th><th>Amount</th></tr></thead><tbody></tbody></table>' +
        '<p>Total (' + currency + '): <strong id="expenses-total">' + Fmt.money(total, currency) + '</strong></p>';
      var tbody = list.querySelector('tbody');
      expenses.forEach(function (e) {
        var tr = UI.el('<table><tr class="expense-item"><td class="merchant"></td><td class="category"></td><td class="date"></td><td class="amount"></td></tr></table>').querySelector('tr');
        tr.querySelector('.merchant').textContent = e.merchant;
        tr.querySelector('.category').textContent = e.category;
        tr.querySelector('.date').textContent = Fmt.date(e.date);
        tr.querySelector('.amount').textContent = Fmt.money(e.amount, e.currency);
        tbody.appendChild(tr);
      });
      spinner.remove();
    }).catch(function (err) {
      root.querySelector('.spinner').remove();
      UI.toast('Could not load expenses: ' + err.message, { error: true });
    });
  }
  return { render: render };
})();
