// #/reports/:id — one report: its expenses (delete, split), receipt policy, approve/reject, comments.
var ReportPage = (function () {
  var RECEIPT_THRESHOLD_USD = 75; // policy: receipts are required for expenses of $75.00 or more

  function needsReceipt(e) {
    return !e.receipt && Fmt.round2(Fmt.convert(e.amount, e.currency, 'USD')) >= RECEIPT_THRESHOLD_USD;
  }

  function expenseRow(e, editable) {
    return '<tr class="expense-row" data-id="' + e.id + '">' +
      '<td class="merchant">' + Fmt.escapeHtml(e.merchant) + '</td>' +
      '<td>' + Fmt.escapeHtml(e.category) + '</td>' +
      '<td>' + Fmt.date(e.date) + '</td>' +
      '<td class="amount">' + Fmt.money(e.amount, e.currency) + '</td>' +
      '<td>' + (needsReceipt(e) ? '<span class="badge receipt-missing" data-test="receipt-missing-' + e.id + '">Receipt required</span>' : '') + '</td>' +
      '<td>' + (editable ?
        '<button type="button" data-test="split-' + e.id + '" data-id="' + e.id + '">Split</button> ' +
        '<button type="button" data-test="delete-expense-' + e.id + '" data-id="' + e.id + '">Delete</button>' : '') + '</td>' +
      '</tr>';
  }

  function renderTotal(report) {
    document.getElementById('report-total').textContent = Fmt.money(Store.reportTotal(report), report.currency);
  }

  function renderComments(report) {
    var list = document.getElementById('comments');
    list.innerHTML = '';
    (report.comments || []).forEach(function (c) {
      var node = UI.el('<div class="comment"><strong></strong>: <span class="comment-text"></span></div>');
      node.querySelector('strong').textContent = c.author;
      node.querySelector('.comment-text').textContent = c.text;
      list.appendChild(node);
    });
  }

  function render(id) {
    var root = document.getElementById('app');
    var report = Store.get(id);
    if (!report) {
      root.innerHTML = '<h1>Report #' + Fmt.escapeHtml(id) + '</h1><p id="not-found">Report not found. <a href="#/reports">Back to reports</a></p>';
      return;
    }
    var editable = report.status === 'draft' || report.status === 'submitted';
    root.innerHTML =
      '<p><a href="#/reports">&larr; All reports</a></p>' +
      '<h1 id="report-title">' + Fmt.escapeHtml(report.title) + '</h1>' +
      '<p>Submitted by ' + Fmt.escapeHtml(report.submitter) + ' · <span class="badge status-' + report.status + '" id="report-status">' + report.status + '</span>' +
      ' · Total <strong id="report-total"></strong></p>' +
      '<table id="expenses-table"><thead><tr><th>Merchant</th><th>Category</th><th>Date</th><th>Amount</th><th></th><th></th></tr></thead><tbody>' +
      report.expenses.map(function (e) { return expenseRow(e, editable); }).join('') + '</tbody></table>' +
      '<div id="split-panel" class="card" hidden>Split into <input id="split-count" type="number" min="2" max="10" value="2"> parts ' +
      '<button type="button" id="split-confirm" class="primary">Split</button> <button type="button" id="split-cancel">Cancel</button></div>' +
      (report.status === 'submitted' ? '<p><button type="button" id="approve-report" class="primary">Approve</button> <button type="button" id="reject-report">Reject</button></p>' : '') +
      '<h2>Comments</h2><div id="comments"></div>' +
      '<input id="comment-input" placeholder="Write a comment and press Enter" style="width:100%">';
    renderTotal(report);
    renderComments(report);

    root.querySelectorAll('button[data-test^="delete-expense-"]').forEach(function (b) {
      b.addEventListener('click', function () {
        Store.removeExpense(report.id, b.dataset.id);
        b.closest('tr').remove();
        renderTotal(report);
      });
    });

    var splitting = null;
    root.querySelectorAll('button[data-test^="split-"]').forEach(function (b) {
      b.addEventListener('click', function () {
        splitting = b.dataset.id;
        document.getElementById('split-panel').hidden = false;
      });
    });
    document.getElementById('split-cancel').addEventListener('click', function () {
      document.getElementById('split-panel').hidden = true;
    });
    document.getElementById('split-confirm').addEventListener('click', function () {
      var parts = Number(document.getElementById('split-count').value);
      if (!splitting || !(parts >= 2 && parts <= 10)) return;
      Store.splitExpense(report.id, splitting, parts);
      render(report.id);
    });

    var approveBtn = document.getElementById('approve-report');
    if (approveBtn) {
      approveBtn.addEventListener('click', function () { Store.setStatus(report.id, 'approved'); render(report.id); UI.toast('Report #' + report.id + ' approved'); });
      document.getElementById('reject-report').addEventListener('click', function () { Store.setStatus(report.id, 'rejected'); render(report.id); UI.toast('Report #' + report.id + ' rejected'); });
    }

    var input = document.getElementById('comment-input');
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && input.value.trim()) {
        Store.addComment(report.id, input.value.trim());
        input.value = '';
        renderComments(report);
      }
    });
  }

  return { render: render };
})();
