// #/expenses/new — create an expense (POSTed to the CGI API). Unsaved input is kept as a draft.
var ExpenseFormPage = (function () {
  var FIELDS = ['merchant', 'amount', 'currency', 'category', 'date', 'note'];

  function validate(v) {
    var errors = {};
    if (!v.merchant.trim()) errors.merchant = 'Enter a merchant';
    var amount = Number(v.amount);
    if (v.amount.trim() === '' || isNaN(amount) || amount <= 0) errors.amount = 'Enter an amount greater than 0';
    else if (!/^\d+(\.\d{1,2})?$/.test(v.amount.trim())) errors.amount = 'Use at most two decimals';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'Pick a date';
    return errors;
  }

  function render() {
    var root = document.getElementById('app');
    root.innerHTML = '<h1>New expense</h1>' + UI.spinner();
    Api.categories().then(function (cats) {
      var currency = Store.settings().currency;
      root.innerHTML =
        '<h1>New expense</h1>' +
        '<form id="expense-form" class="card" novalidate>' +
        '<label for="merchant">Merchant</label><input id="merchant" autocomplete="off"><div class="field-error" id="merchant-error"></div>' +
        '<label for="amount">Amount</label><input id="amount" inputmode="decimal" autocomplete="off"><div class="field-error" id="amount-error"></div>' +
        '<label for="currency">Currency</label><select id="currency">' +
        Fmt.codes().map(function (c) { return '<option value="' + c + '"' + (c === currency ? ' selected' : '') + '>' + c + '</option>'; }).join('') + '</select>' +
        '<label for="category">Category</label><select id="category">' +
        cats.categories.map(function (c) { return '<option value="' + Fmt.escapeHtml(c) + '">' + Fmt.escapeHtml(c) + '</option>'; }).join('') + '</select>' +
        '<label for="date">Date</label><input id="date" type="date" value="' + new Date().toISOString().slice(0, 10) + '"><div class="field-error" id="date-error"></div>' +
        '<label for="note">Note</label><input id="note" autocomplete="off">' +
        '<p><button type="submit" id="save-expense" class="primary">Save expense</button></p>' +
        '</form>';

      var form = document.getElementById('expense-form');
      var draft = Store.draft();
      if (draft) FIELDS.forEach(function (f) { if (draft[f] !== undefined) document.getElementById(f).value = draft[f]; });

      function values() {
        var v = {};
        FIELDS.forEach(function (f) { v[f] = document.getElementById(f).value; });
        return v;
      }
      form.addEventListener('input', function () { Store.saveDraft(values()); });
      form.addEventListener('change', function () { Store.saveDraft(values()); });

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var v = values();
        var errors = validate(v);
        ['merchant', 'amount', 'date'].forEach(function (f) { document.getElementById(f + '-error').textContent = errors[f] || ''; });
        if (Object.keys(errors).length) return;
        document.getElementById('save-expense').disabled = true;
        Api.createExpense(v).then(function () {
          Store.clearDraft();
          UI.toast('Expense saved');
          location.hash = '#/expenses';
        }).catch(function (err) {
          document.getElementById('save-expense').disabled = false;
          UI.toast('Could not save expense: ' + err.message, { error: true });
        });
      });
    });
  }

  return { render: render };
})();
