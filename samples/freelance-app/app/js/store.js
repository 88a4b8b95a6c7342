// Client-side state. Reports come from api/reports.json; changes (approvals, comments, edits) are kept in
// localStorage so they survive reloads, like an offline-first client would.
var Store = (function () {
  var REPORTS_KEY = 'tally.reports.v1';
  var SETTINGS_KEY = 'tally.settings';
  var DRAFT_KEY = 'tally.expenseDraft';
  var reports = null;

  function load() {
    var saved = localStorage.getItem(REPORTS_KEY);
    if (saved) { reports = JSON.parse(saved); return Promise.resolve(reports); }
    return Api.reports().then(function (data) { reports = data.reports; return reports; });
  }
  function save() { localStorage.setItem(REPORTS_KEY, JSON.stringify(reports)); }

  function all() { return reports.slice(); }
  function get(id) {
    return reports.find(function (r) { return r.id === Number(id); }) || null;
  }

  // Total of a report in the report's own currency.
  function reportTotal(report) {
    return Fmt.round2(report.expenses.reduce(function (sum, e) {
      return sum + Fmt.convert(e.amount, e.currency, report.currency);
    }, 0));
  }

  function setStatus(id, status) {
    var r = get(id);
    if (!r) return null;
    r.status = status;
    save();
    return r;
  }

  function addComment(id, text) {
    var r = get(id);
    r.comments = r.comments || [];
    r.comments.push({ author: settings().name || 'You', text: text });
    save();
  }

  function removeExpense(reportId, expenseId) {
    var r = get(reportId);
    r.expenses = r.expenses.filter(function (e) { return e.id !== Number(expenseId); });
    save();
  }

  // Splits an expense into `parts` expenses whose amounts add up exactly to the original amount.
  function splitExpense(reportId, expenseId, parts) {
    var r = get(reportId);
    var idx = r.expenses.findIndex(function (e) { return e.id === Number(expenseId); });
    var original = r.expenses[idx];
    var cents = Math.round(original.amount * 100);
    var share = Math.floor(cents / parts);
    var pieces = [];
    for (var i = 0; i < parts; i++) {
      var c = i < cents - share * parts ? share + 1 : share;
      pieces.push(Object.assign({}, original, {
        id: original.id * 10 + i + 1,
        merchant: original.merchant + ' (' + (i + 1) + '/' + parts + ')',
        amount: c / 100
      }));
    }
    r.expenses.splice.apply(r.expenses, [idx, 1].concat(pieces));
    save();
  }

  function settings() {
    var saved = localStorage.getItem(SETTINGS_KEY);
    return Object.assign({ name: '', currency: 'USD' }, saved ? JSON.parse(saved) : {});
  }
  function saveSettings(s) { localStorage.setItem(SETTINGS_KEY, JSON.stringify(s)); }

  function draft() { var d = localStorage.getItem(DRAFT_KEY); return d ? JSON.parse(d) : null; }
  function saveDraft(d) { localStorage.setItem(DRAFT_KEY, JSON.stringify(d)); }
  function clearDraft() { localStorage.removeItem(DRAFT_KEY); }

  return {
    load: load, all: all, get: get, reportTotal: reportTotal, setStatus: setStatus, addComment: addComment,
    removeExpense: removeExpense, splitExpense: splitExpense, settings: settings, saveSettings: saveSettings,
    draft: draft, saveDraft: saveDraft, clearDraft: clearDraft
  };
})();
