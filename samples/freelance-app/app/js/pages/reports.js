// #/reports — the reports list: search, status filter, sorting, paging, approve (single and bulk) with undo.
var ReportsPage = (function () {
  var PAGE_SIZE = 10;
  var state = { query: '', status: 'all', sort: 'newest', page: 1 };
  var selected = {};

  function usdTotal(r) { return Fmt.convert(Store.reportTotal(r), r.currency, 'USD'); }

  function visibleReports() {
    var q = state.query.trim().toLowerCase();
    var list = Store.all().filter(function (r) {
      if (state.status !== 'all' && r.status !== state.status) return false;
      if (!q) return true;
      return r.title.toLowerCase().indexOf(q) !== -1 || r.submitter.toLowerCase().indexOf(q) !== -1;
    });
    if (state.sort === 'newest') list.sort(function (a, b) { return b.created.localeCompare(a.created); });
    if (state.sort === 'amount-desc') list.sort(function (a, b) { return usdTotal(b) - usdTotal(a); });
    if (state.sort === 'amount-asc') list.sort(function (a, b) { return usdTotal(a) - usdTotal(b); });
    return list;
  }

  function approve(id) {
    Store.setStatus(id, 'approved');
    delete selected[id];
    render();
    UI.toast('Report #' + id + ' approved', {
      action: 'Undo',
      onAction: function () { Store.setStatus(id, 'submitted'); render(); }
    });
  }

  function bulkApprove() {
    var ids = Object.keys(selected).map(Number);
    ids.forEach(function (id) { Store.setStatus(id, 'approved'); });
    selected = {};
    render();
    UI.toast(ids.length + (ids.length === 1 ? ' report' : ' reports') + ' approved');
  }

  function rowHtml(r) {
    var canApprove = r.status === 'submitted';
    return '<tr class="report-row" data-id="' + r.id + '">' +
      '<td>' + (canApprove ? '<input type="checkbox" data-test="select-' + r.id + '"' + (selected[r.id] ? ' checked' : '') + '>' : '') + '</td>' +
      '<td>#' + r.id + '</td>' +
      '<td><a class="report-title" href="#/reports/' + r.id + '">' + Fmt.escapeHtml(r.title) + '</a></td>' +
      '<td>' + Fmt.escapeHtml(r.submitter) + '</td>' +
      '<td>' + Fmt.date(r.created) + '</td>' +
      '<td><span class="badge status-' + r.status + '" data-test="status-' + r.id + '">' + r.status + '</span></td>' +
      '<td class="report-total">' + Fmt.money(Store.reportTotal(r), r.currency) + '</td>' +
      '<td>' + (canApprove ? '<button type="button" data-test="approve-' + r.id + '" data-id="' + r.id + '">Approve</button>' : '') + '</td>' +
      '</tr>';
  }

  function render() {
    var root = document.getElementById('app');
    var list = visibleReports();
    var pageCount = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    if (state.page > pageCount) state.page = pageCount;
    var rows = list.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
    var selectedCount = Object.keys(selected).length;

    root.innerHTML =
      '<h1>Expense reports</h1>' +
      '<div class="toolbar">' +
      '  <input id="search" type="search" placeholder="Search reports (press /)" autocomplete="off">' +
      '  <select id="status-filter" aria-label="Status">' +
      '    <option value="all">All statuses</option><option value="draft">Draft</option>' +
      '    <option value="submitted">Submitted</option><option value="approved">Approved</option>' +
      '    <option value="rejected">Rejected</option>' +
      '  </select>' +
      '  <select id="sort" aria-label="Sort"><option value="newest">Newest first</option>' +
      '    <option value="amount-desc">Amount: high to low</option><option value="amount-asc">Amount: low to high</option></select>' +
      '  <button type="button" id="bulk-approve" class="primary"' + (selectedCount ? '' : ' disabled') + '>Approve selected (' + selectedCount + ')</button>' +
      '  <span id="report-count">' + list.length + (list.length === 1 ? ' report' : ' reports') + '</span>' +
      '</div>' +
      '<table id="reports-table"><thead><tr><th><input type="checkbox" id="select-all" aria-label="Select all on page"></th><th>#</th><th>Title</th><th>Submitter</th><th>Created</th><th>Status</th><th>Total</th><th></th></tr></thead>' +
      '<tbody>' + rows.map(rowHtml).join('') + '</tbody></table>' +
      (list.length ? '' : '<p class="empty">No reports match.</p>') +
      '<div class="pager">' +
      (state.page > 1 ? '<button type="button" id="prev-page">Previous</button>' : '') +
      '<span id="page-indicator">Page ' + state.page + ' of ' + pageCount + '</span>' +
      (state.page < pageCount ? '<button type="button" id="next-page">Next</button>' : '') +
      '</div>';

    var search = document.getElementById('search');
    search.value = state.query;
    document.getElementById('status-filter').value = state.status;
    document.getElementById('sort').value = state.sort;

    search.addEventListener('input', function () {
      state.query = search.value; state.page = 1; render();
      var again = document.getElementById('search');
      again.focus(); again.setSelectionRange(again.value.length, again.value.length);
    });
    document.getElementById('status-filter').addEventListener('change', function (e) { state.status = e.target.value; state.page = 1; render(); });
    document.getElementById('sort').addEventListener('change', function (e) { state.sort = e.target.value; state.page = 1; render(); });
    var next = document.getElementById('next-page');
    if (next) next.addEventListener('click', function () { state.page++; render(); });
    var prev = document.getElementById('prev-page');
    if (prev) prev.addEventListener('click', function () { state.page--; render(); });

    root.querySelectorAll('button[data-test^="approve-"]').forEach(function (b) {
      b.addEventListener('click', function () { approve(Number(b.dataset.id)); });
    });
    root.querySelectorAll('input[data-test^="select-"]').forEach(function (cb) {
      cb.addEventListener('change', function () {
        var id = Number(cb.dataset.test.slice('select-'.length));
        if (cb.checked) selected[id] = true; else delete selected[id];
        render();
      });
    });
    var all = document.getElementById('select-all');
    var selectable = rows.filter(function (r) { return r.status === 'submitted'; });
    all.checked = selectable.length > 0 && selectable.every(function (r) { return selected[r.id]; });
    all.addEventListener('change', function () {
      selectable.forEach(function (r) { if (all.checked) selected[r.id] = true; else delete selected[r.id]; });
      render();
    });
    document.getElementById('bulk-approve').addEventListener('click', bulkApprove);
  }

  // "/" focuses the search box (unless the user is typing in a field).
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || !document.getElementById('search')) return;
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return;
    e.preventDefault();
    document.getElementById('search').focus();
  });

  return { render: render };
})();
