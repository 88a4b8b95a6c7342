#!/usr/bin/env python3
"""Generates the sample pool from the clean app in ../app:
tasks.json, tasks/<id>/bug.diff + gold.diff (+ tests/ for command tasks) and submissions/*.jsonl.

Each IC task is a list of exact text edits that turn the clean app into the task's starting state (the bug,
or the missing feature). bug.diff is clean -> buggy, gold.diff is buggy -> clean. Model answers in
mixed.jsonl are edits against the buggy state. Run it again after changing the app; it checks every edit."""
import difflib, json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
POOL = os.path.dirname(HERE)
APP = os.path.join(POOL, 'app')
IMAGE = 'swelancer-sample/freelance-app:1'


def read(rel):
    with open(os.path.join(APP, rel), encoding='utf-8') as f:
        return f.read()


def apply_edits(files, edits, where):
    out = dict(files)
    for rel, old, new in edits:
        text = out.get(rel, read(rel))
        n = text.count(old)
        if n != 1:
            sys.exit(f'{where}: edit in {rel} matches {n} times: {old[:80]!r}')
        out[rel] = text.replace(old, new)
    return out


def diff(before, after):
    chunks = []
    for rel in sorted(set(before) | set(after)):
        a, b = before.get(rel, read(rel)), after.get(rel, read(rel))
        if a == b:
            continue
        chunks.append(''.join(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                                   'a/srv/app/' + rel, 'b/srv/app/' + rel, n=3)))
    return ''.join(chunks)


def nav(url): return {'action': 'navigate', 'url': url}
def click(sel): return {'action': 'click', 'selector': sel}
def fill(sel, value): return {'action': 'fill', 'selector': sel, 'value': value}
def press(sel, key): return {'action': 'press', 'selector': sel, 'key': key}
def select(sel, value): return {'action': 'select', 'selector': sel, 'value': value}
def text(sel, t): return {'action': 'expect_text', 'selector': sel, 'text': t}
def visible(sel): return {'action': 'expect_visible', 'selector': sel}
def hidden(sel): return {'action': 'expect_hidden', 'selector': sel}
def count(sel, n): return {'action': 'expect_count', 'selector': sel, 'count': n}
def url(pattern): return {'action': 'expect_url', 'pattern': pattern}
def evaluate(expr): return {'action': 'evaluate', 'expression': expr}


R, RP, EF, EX, MB, ST, FM, SO, CGI, CUR = ('js/pages/reports.js', 'js/pages/report.js', 'js/pages/expense-form.js',
    'js/pages/expenses.js', 'js/pages/members.js', 'js/store.js', 'js/format.js', 'js/store.js',
    'cgi-bin/expenses', 'api/currencies.json')

SUBMIT_TAXI = [nav('/#/expenses/new'), fill('#merchant', 'Airport taxi'), fill('#amount', '100'), select('#currency', 'USD'),
               click('#save-expense'), url('#/expenses$')]

TASKS = []


def ic(qid, price, title, description, bug, tests=None, command=None, mixed=None):
    TASKS.append(dict(qid=qid, price=price, title=title, description=description, bug=bug, tests=tests,
                      command=command, mixed=mixed))


# ---------------------------------------------------------------- reports list
ic('fa-101', 1000, 'Approving a report from a filtered list resets the filters',
   'On Reports, I filter by status "Submitted" to work through the approval queue. Every time I click Approve on a row, '
   'the list jumps back to "All statuses", page 1, and I lose my place. Expected: after approving, the list keeps the '
   'current filter, search, sort and page, and the approved report simply drops out of the "Submitted" view.',
   [(R, "    delete selected[id];\n    render();\n",
        "    delete selected[id];\n    state = { query: '', status: 'all', sort: 'newest', page: 1 };\n    render();\n")],
   tests=[{'name': 'approving keeps the status filter',
           'steps': [nav('/#/reports'), select('#status-filter', 'submitted'), count('.report-row', 6),
                     click('[data-test=approve-3]'), count('.report-row', 5),
                     evaluate("document.querySelector('#status-filter').value === 'submitted'"),
                     hidden('[data-test=approve-3]')]}],
   mixed=('gold',))

ic('fa-102', 2000, 'Approve button on the reports list approves a different report',
   'Clicking "Approve" on report #3 ("Team lunch March") approved report #9 ("Client dinner") instead, and #3 stayed '
   '"submitted". It seems to depend on which other rows are on the page. The Approve button must approve exactly the '
   'report in its row.',
   [(R, "forEach(function (b) {\n      b.addEventListener('click', function () { approve(Number(b.dataset.id)); });",
        "forEach(function (b, i) {\n      b.addEventListener('click', function () { approve(rows[i].id); });")],
   tests=[{'name': 'approve acts on its own row',
           'steps': [nav('/#/reports'), click('[data-test=approve-3]'), text('[data-test=status-3]', 'approved'),
                     text('[data-test=status-9]', 'submitted')]}],
   mixed=('wrong', [(R, "approve(rows[i].id); });", "approve(rows[i].id); b.blur(); });")]))

ic('fa-103', 250, 'Report search is case-sensitive',
   'Searching the reports list for "uber" finds nothing, although there is a report called "Uber rides April". Search '
   'should ignore case, for titles and submitter names alike.',
   [(R, "    var q = state.query.trim().toLowerCase();", "    var q = state.query.trim();"),
    (R, "r.title.toLowerCase().indexOf(q) !== -1 || r.submitter.toLowerCase().indexOf(q) !== -1",
        "r.title.indexOf(q) !== -1 || r.submitter.indexOf(q) !== -1")],
   tests=[{'name': 'search ignores case',
           'steps': [nav('/#/reports'), fill('#search', 'uber'), count('.report-row', 1),
                     text('.report-row .report-title', 'Uber rides April'), fill('#search', 'ANA'), count('.report-row', 3)]}],
   mixed=('alt', [(R, "r.title.indexOf(q) !== -1 || r.submitter.indexOf(q) !== -1",
                      "(r.title + ' ' + r.submitter).toLowerCase().indexOf(q.toLowerCase()) !== -1")]))

ic('fa-104', 250, 'Report counter says "1 reports"',
   'When a search or filter leaves exactly one report, the counter next to the toolbar reads "1 reports". It should say '
   '"1 report" (and keep "0 reports", "2 reports", ...).',
   [(R, "list.length + (list.length === 1 ? ' report' : ' reports')", "list.length + ' reports'")],
   tests=[{'name': 'singular counter',
           'steps': [nav('/#/reports'), fill('#search', 'tokyo'), count('.report-row', 1),
                     evaluate("document.querySelector('#report-count').textContent.trim() === '1 report'"),
                     fill('#search', ''), select('#status-filter', 'rejected'),
                     evaluate("document.querySelector('#report-count').textContent.trim() === '1 report'"),
                     select('#status-filter', 'draft'), text('#report-count', '2 reports')]}],
   mixed=('alt', [(R, "list.length + ' reports'", "(list.length === 1 ? '1 report' : list.length + ' reports')")]))

ic('fa-105', 500, '"Next" button still shown on the last page of reports',
   'The reports list has 12 reports, 10 per page. On page 2 the "Next" button is still there; clicking it does nothing. '
   'Hide "Next" on the last page (like "Previous" is hidden on the first).',
   [(R, "(state.page < pageCount ? '<button type=\"button\" id=\"next-page\">Next</button>' : '')",
        "(state.page <= pageCount ? '<button type=\"button\" id=\"next-page\">Next</button>' : '')")],
   tests=[{'name': 'no Next on the last page',
           'steps': [nav('/#/reports'), visible('#next-page'), hidden('#prev-page'), click('#next-page'),
                     text('#page-indicator', 'Page 2 of 2'), count('.report-row', 2), hidden('#next-page'),
                     visible('#prev-page')]}],
   mixed=('gold',))

ic('fa-106', 500, 'Sorting reports by amount puts $99 above $1,725',
   'Choosing "Amount: high to low" on Reports gives a strange order: "Team training" ($99) comes first and "Trade show '
   'booth" (EUR 1,380.40, the largest report) is near the bottom. Looks like amounts are compared as text. Sort by the '
   'report total (converted to USD so currencies compare fairly), in both directions.',
   [(R, "list.sort(function (a, b) { return usdTotal(b) - usdTotal(a); });",
        "list.sort(function (a, b) { return String(usdTotal(b)).localeCompare(String(usdTotal(a))); });"),
    (R, "list.sort(function (a, b) { return usdTotal(a) - usdTotal(b); });",
        "list.sort(function (a, b) { return String(usdTotal(a)).localeCompare(String(usdTotal(b))); });")],
   tests=[{'name': 'amount sort is numeric',
           'steps': [nav('/#/reports'), select('#sort', 'amount-desc'),
                     text('.report-row:first-child .report-title', 'Trade show booth'),
                     evaluate("[...document.querySelectorAll('.report-row')].map(r => r.dataset.id).join(',') === '8,4,7,2,1,12,6,9,11,3'"),
                     select('#sort', 'amount-asc'), text('.report-row:first-child .report-title', 'Uber rides April')]}],
   mixed=('wrong', [(R, "return String(usdTotal(b)).localeCompare(String(usdTotal(a)));",
                        "return String(usdTotal(b)).localeCompare(String(usdTotal(a)), undefined, { sensitivity: 'base' });")]))

ic('fa-107', 1000, 'Pressing "/" should focus the report search',
   'The search box placeholder says "press /", but pressing "/" on the reports page does nothing. Implement the '
   'shortcut: "/" focuses the search box (without typing a "/" into it), unless the user is already typing in a field.',
   [(R, """  // "/" focuses the search box (unless the user is typing in a field).
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || !document.getElementById('search')) return;
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return;
    e.preventDefault();
    document.getElementById('search').focus();
  });

""", "")],
   tests=[{'name': 'slash focuses search',
           'steps': [nav('/#/reports'), visible('#reports-table'), press('body', '/'),
                     evaluate("document.activeElement && document.activeElement.id === 'search'"),
                     evaluate("document.querySelector('#search').value === ''")]}])

ic('fa-108', 16000, 'Bulk approval of expense reports',
   'Approvers go through dozens of reports every week and have to approve them one by one. Add bulk approval to the '
   'reports list: a checkbox on every row that can be approved (status "submitted", data-test="select-<id>"), a '
   '"select all on this page" checkbox in the header (#select-all), and a toolbar button #bulk-approve labelled '
   '"Approve selected (N)" that is disabled while nothing is selected. Approving marks every selected report approved, '
   'clears the selection and shows a toast "N reports approved" ("1 report approved" for one).',
   [(R, "  var selected = {};\n", ""),
    (R, "    delete selected[id];\n", ""),
    (R, """  function bulkApprove() {
    var ids = Object.keys(selected).map(Number);
    ids.forEach(function (id) { Store.setStatus(id, 'approved'); });
    selected = {};
    render();
    UI.toast(ids.length + (ids.length === 1 ? ' report' : ' reports') + ' approved');
  }

""", ""),
    (R, """      '<td>' + (canApprove ? '<input type="checkbox" data-test="select-' + r.id + '"' + (selected[r.id] ? ' checked' : '') + '>' : '') + '</td>' +\n""", ""),
    (R, "    var selectedCount = Object.keys(selected).length;\n", ""),
    (R, """      '  <button type="button" id="bulk-approve" class="primary"' + (selectedCount ? '' : ' disabled') + '>Approve selected (' + selectedCount + ')</button>' +\n""", ""),
    (R, """<th><input type="checkbox" id="select-all" aria-label="Select all on page"></th>""", ""),
    (R, """    root.querySelectorAll('input[data-test^="select-"]').forEach(function (cb) {
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
""", "")],
   tests=[{'name': 'approve two selected reports',
           'steps': [nav('/#/reports'), evaluate("document.querySelector('#bulk-approve').disabled === true"),
                     click('[data-test=select-3]'), click('[data-test=select-6]'),
                     text('#bulk-approve', 'Approve selected (2)'), click('#bulk-approve'),
                     text('[data-test=status-3]', 'approved'), text('[data-test=status-6]', 'approved'),
                     text('[data-test=status-9]', 'submitted'), text('.toast', '2 reports approved'),
                     hidden('[data-test=select-3]')]},
          {'name': 'select all on the page',
           'steps': [nav('/#/reports'), select('#status-filter', 'submitted'), click('#select-all'),
                     text('#bulk-approve', 'Approve selected (6)'), click('#bulk-approve'), count('.report-row', 0),
                     visible('.empty')]}],
   mixed=('noapply',))

ic('fa-109', 500, 'Undo after approving puts the report back to Draft',
   'After approving a report, the toast offers "Undo". Clicking it sends the report back to "draft" instead of '
   '"submitted", so it disappears from the approval queue and the submitter has to submit it again. Undo must restore '
   'the previous status.',
   [(R, "onAction: function () { Store.setStatus(id, 'submitted'); render(); }",
        "onAction: function () { Store.setStatus(id, 'draft'); render(); }")],
   tests=[{'name': 'undo restores submitted',
           'steps': [nav('/#/reports'), click('[data-test=approve-9]'), text('[data-test=status-9]', 'approved'),
                     visible('.toast-undo'), click('.toast-undo'), text('[data-test=status-9]', 'submitted'),
                     visible('[data-test=approve-9]')]}])

# ---------------------------------------------------------------- report detail
ic('fa-110', 8000, 'Report totals ignore the currency of individual expenses',
   'Report #4 "London client visit" is in GBP, but one expense (Eurostar, EUR 120.00) was paid in euros. The report '
   'total shows £550.00: it adds 120 euros as if they were pounds. Totals (on the report page and in the reports '
   'list) must convert each expense into the report currency with the workspace rates from api/currencies.json '
   '(EUR 120 = GBP 112.50, so the total is £542.50).',
   [(ST, "      return sum + Fmt.convert(e.amount, e.currency, report.currency);", "      return sum + Number(e.amount);")],
   tests=[{'name': 'mixed-currency total on the report page',
           'steps': [nav('/#/reports/4'), text('#report-total', '£542.50')]},
          {'name': 'mixed-currency total in the list',
           'steps': [nav('/#/reports'), text(".report-row[data-id='4'] .report-total", '£542.50')]}],
   mixed=('gold',))

ic('fa-111', 250, 'EUR report total is shown with a dollar sign',
   'Opening report #2 "Berlin conference" (a EUR report) shows "Total $423.90". The amount is right but the symbol is '
   'wrong; JPY reports show "$50,000.00". The report page total must be formatted in the report currency.',
   [(RP, "textContent = Fmt.money(Store.reportTotal(report), report.currency);", "textContent = Fmt.money(Store.reportTotal(report));")],
   tests=[{'name': 'report total uses the report currency',
           'steps': [nav('/#/reports/2'), text('#report-total', '€423.90'), nav('/#/reports/6'), text('#report-total', '¥50,000')]}],
   mixed=('noapply',))

ic('fa-112', 1000, 'Deleting an expense does not update the report total',
   'On a draft or submitted report, deleting an expense removes its row, but the total at the top stays the same until '
   'I reload the page. The total should update immediately.',
   [(RP, "        b.closest('tr').remove();\n        renderTotal(report);\n", "        b.closest('tr').remove();\n")],
   tests=[{'name': 'total follows deletion',
           'steps': [nav('/#/reports/1'), text('#report-total', '$522.70'), click('[data-test=delete-expense-102]'),
                     count('.expense-row', 2), text('#report-total', '$484.50')]}],
   mixed=('wrong', [(RP, "        b.closest('tr').remove();\n", "        renderTotal(report);\n        b.closest('tr').remove();\n")]))

ic('fa-113', 4000, 'Splitting an expense loses or adds a cent',
   'Splitting the $12.50 "Bakery" expense of report #3 into 3 parts creates three $4.17 parts, so the report total '
   'grows from $87.50 to $87.51. Split parts must add up exactly to the original amount: spread the leftover cents over '
   'the first parts ($4.17, $4.17, $4.16).',
   [(ST, "      var c = i < cents - share * parts ? share + 1 : share;\n", ""),
    (ST, "        amount: c / 100\n", "        amount: Fmt.round2(original.amount / parts)\n")],
   tests=[{'name': 'split keeps the total',
           'steps': [nav('/#/reports/3'), click('[data-test=split-302]'), visible('#split-panel'), fill('#split-count', '3'),
                     click('#split-confirm'), count('.expense-row', 4), text('#report-total', '$87.50'),
                     text(".expense-row[data-id='3023'] .amount", '$4.16')]}],
   mixed=('alt', [(ST, "        amount: Fmt.round2(original.amount / parts)\n",
                       "        amount: i === parts - 1 ? (cents - Math.round(original.amount / parts * 100) * (parts - 1)) / 100 : Math.round(original.amount / parts * 100) / 100\n")]))

ic('fa-114', 500, 'No "Receipt required" badge for expenses of exactly $75',
   'Policy: receipts are required for expenses of $75.00 or more (USD equivalent). The $75.00 "Sushi Place" expense on '
   'report #3 has no receipt but shows no "Receipt required" badge; only amounts above $75 get one.',
   [(RP, "Fmt.round2(Fmt.convert(e.amount, e.currency, 'USD')) >= RECEIPT_THRESHOLD_USD",
         "Fmt.round2(Fmt.convert(e.amount, e.currency, 'USD')) > RECEIPT_THRESHOLD_USD")],
   tests=[{'name': 'badge at the threshold',
           'steps': [nav('/#/reports/3'), visible('[data-test=receipt-missing-301]'), hidden('[data-test=receipt-missing-302]'),
                     count('.receipt-missing', 1)]}])

ic('fa-115', 250, 'Enter does not post a comment',
   'On a report page, the comment box says "Write a comment and press Enter", but pressing Enter does nothing.',
   [(RP, "if (e.key === 'Enter' && input.value.trim())", "if (e.key === 'enter' && input.value.trim())")],
   tests=[{'name': 'enter posts the comment',
           'steps': [nav('/#/reports/1'), fill('#comment-input', 'Please attach the hotel invoice'), press('#comment-input', 'Enter'),
                     count('.comment', 1), text('.comment-text', 'Please attach the hotel invoice'),
                     evaluate("document.querySelector('#comment-input').value === ''")]}],
   mixed=('gold',))

ic('fa-116', 250, 'Opening a report that does not exist shows an endless spinner',
   'Following an old link such as #/reports/999 (the report was deleted) leaves the page with a loading spinner forever '
   '(there is a TypeError in the console). Show a "Report not found" message with a link back to the reports list.',
   [(RP, """    if (!report) {
      root.innerHTML = '<h1>Report #' + Fmt.escapeHtml(id) + '</h1><p id="not-found">Report not found. <a href="#/reports">Back to reports</a></p>';
      return;
    }
""", "")],
   tests=[{'name': 'not found message',
           'steps': [nav('/#/reports/999'), visible('#not-found'), text('#not-found', 'Report not found'), hidden('.spinner')]}],
   mixed=('noapply',))

# ---------------------------------------------------------------- expenses
ic('fa-117', 500, 'New expense form accepts negative amounts',
   'On "New expense" I can enter -5 as the amount; the form submits and I only get a cryptic server error toast. The '
   'form should reject zero and negative amounts itself, with the message "Enter an amount greater than 0" under the '
   'amount field, and stay on the form.',
   [(EF, "if (v.amount.trim() === '' || isNaN(amount) || amount <= 0) errors.amount = 'Enter an amount greater than 0';\n    else if (!/^\\d+",
         "if (v.amount.trim() === '' || isNaN(amount)) errors.amount = 'Enter an amount';\n    else if (!/^-?\\d+")],
   tests=[{'name': 'negative amount is rejected',
           'steps': [nav('/#/expenses/new'), fill('#merchant', 'Cab'), fill('#amount', '-5'), click('#save-expense'),
                     text('#amount-error', 'Enter an amount greater than 0'), url('#/expenses/new$')]},
          {'name': 'zero amount is rejected',
           'steps': [nav('/#/expenses/new'), fill('#merchant', 'Cab'), fill('#amount', '0'), press('#amount', 'Enter'),
                     text('#amount-error', 'greater than 0'), url('#/expenses/new$')]}])

ic('fa-118', 500, 'Settings are forgotten after a reload',
   'I set my display name and default currency in Settings and click Save; the toast says "Settings saved", but the '
   'greeting stays empty and after reloading the page the settings are back to the defaults.',
   [(ST, "    var saved = localStorage.getItem(SETTINGS_KEY);\n", "    var saved = localStorage.getItem('tally.prefs');\n")],
   tests=[{'name': 'settings survive a reload',
           'steps': [nav('/#/settings'), fill('#display-name', 'Dana'), select('#default-currency', 'EUR'), click('#save-settings'),
                     visible('.toast'), text('#greeting', 'Hi, Dana'), nav('/index.html#/settings'),
                     evaluate("document.querySelector('#default-currency').value === 'EUR' && document.querySelector('#display-name').value === 'Dana'")]}],
   mixed=('gold',))

ic('fa-119', 2000, 'Expense total in my default currency is converted the wrong way',
   'My default currency is EUR. I added a USD 100.00 taxi expense and "My expenses" shows a total of €125.00; with the '
   'workspace rate (1 USD = 0.80 EUR) it should be €80.00. Conversions between currencies look inverted everywhere.',
   [(FM, "    return Number(amount) / fromRate * toRate;", "    return Number(amount) * fromRate / toRate;")],
   tests=[{'name': 'USD expense totalled in EUR',
           'steps': [nav('/#/settings'), select('#default-currency', 'EUR'), click('#save-settings')] + SUBMIT_TAXI +
                    [count('.expense-item', 1), text('#expenses-total', '€80.00')]}],
   mixed=('wrong', [(FM, "    return Number(amount) * fromRate / toRate;", "    return Number(amount) * (fromRate / toRate);")]))

ic('fa-120', 4000, 'HTML in a merchant name is executed on "My expenses"',
   'Security report: a merchant name such as <img src=x onerror=alert(1)> entered on "New expense" is rendered as HTML '
   'on "My expenses" and its script runs. Merchant names must be shown as plain text.',
   [(EX, "        tr.querySelector('.merchant').textContent = e.merchant;", "        tr.querySelector('.merchant').innerHTML = e.merchant;")],
   tests=[{'name': 'merchant is rendered as text',
           'steps': [nav('/#/expenses/new'), fill('#merchant', '<img src=x onerror="window.__xss=1">Cafe'), fill('#amount', '9.99'),
                     click('#save-expense'), url('#/expenses$'), text('.expense-item .merchant', '<img src=x'),
                     evaluate("!window.__xss && !document.querySelector('.expense-item img')")]}],
   mixed=('wrong', [(EX, "innerHTML = e.merchant;", "innerHTML = e.merchant.replace(/<script[^>]*>.*?<\\/script>/gi, '');")]))

ic('fa-121', 250, 'Spinner keeps spinning on an empty expenses list',
   'With no expenses yet, "My expenses" shows "No expenses yet" but the loading spinner above it never goes away.',
   [(EX, "        spinner.remove();\n        list.innerHTML = '<p id=\"expenses-empty\"", "        list.innerHTML = '<p id=\"expenses-empty\"")],
   tests=[{'name': 'empty list has no spinner',
           'steps': [nav('/#/expenses'), visible('#expenses-empty'), hidden('.spinner')]}],
   mixed=('gold',))

ic('fa-122', 2000, 'Keep an unsaved expense as a draft',
   'When I start filling "New expense", go to another page to look something up and come back (or reload), everything I '
   'typed is gone. Keep the form content as a draft in the browser (localStorage) while I type, restore it when the '
   'form opens, and clear it once the expense is saved.',
   [(EF, "      var draft = Store.draft();\n      if (draft) FIELDS.forEach(function (f) { if (draft[f] !== undefined) document.getElementById(f).value = draft[f]; });\n", ""),
    (EF, "      form.addEventListener('input', function () { Store.saveDraft(values()); });\n      form.addEventListener('change', function () { Store.saveDraft(values()); });\n", ""),
    (EF, "          Store.clearDraft();\n", "")],
   tests=[{'name': 'draft survives navigation and is cleared on save',
           'steps': [nav('/#/expenses/new'), fill('#merchant', 'Hotel Lumen'), fill('#amount', '420'), nav('/#/reports'),
                     visible('#reports-table'), nav('/index.html#/expenses/new'),
                     evaluate("document.querySelector('#merchant') && document.querySelector('#merchant').value === 'Hotel Lumen' && document.querySelector('#amount').value === '420'"),
                     click('#save-expense'), url('#/expenses$'), nav('/#/expenses/new'), visible('#merchant'),
                     evaluate("document.querySelector('#merchant').value === ''")]}])

# ---------------------------------------------------------------- members
ic('fa-123', 500, 'Invites accept email addresses without a domain',
   'The invite form on Members accepted "dana@example" and created a member that never received the invite. Reject '
   'addresses that are not of the form name@domain.tld with "Enter a valid email address".',
   [(MB, "  var EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;", "  var EMAIL = /[^\\s@]+@[^\\s@]+/;")],
   tests=[{'name': 'invalid invite email',
           'steps': [nav('/#/members'), count('.member-row', 4), fill('#invite-email', 'dana@example'), click('#invite-submit'),
                     visible('#invite-error'), text('#invite-error', 'valid email'), count('.member-row', 4),
                     fill('#invite-email', 'dana@example.com'), click('#invite-submit'), count('.member-row', 5)]}],
   mixed=('alt', [(MB, "  var EMAIL = /[^\\s@]+@[^\\s@]+/;", "  var EMAIL = /^\\S+@\\S+\\.[a-z]{2,}$/i;")]))

ic('fa-124', 2000, 'The last admin can demote themselves',
   'Ana (the only admin) changed her role to "member" by mistake; now nobody can manage the workspace. Changing the '
   'role of the last admin must be refused with the error toast "A workspace needs at least one admin", and the role '
   'select must go back to "admin". Demoting an admin is fine when another admin exists.',
   [(MB, """    if (member.role === 'admin' && role !== 'admin' && admins.length === 1) {
      select.value = 'admin';
      UI.toast('A workspace needs at least one admin', { error: true });
      return;
    }
""", "")],
   tests=[{'name': 'last admin is protected',
           'steps': [nav('/#/members'), select('[data-test=role-1]', 'member'), text('.toast.error', 'at least one admin'),
                     evaluate("document.querySelector('[data-test=role-1]').value === 'admin'"),
                     select('[data-test=role-2]', 'admin'), select('[data-test=role-1]', 'member'),
                     evaluate("JSON.parse(localStorage.getItem('tally.members')).find(m => m.id === 1).role === 'member'")]}],
   mixed=('wrong', [(MB, "    var admins = members.filter(function (m) { return m.role === 'admin'; });\n",
                         "    var admins = members.filter(function (m) { return m.role === 'admin'; });\n    if (admins.length === 0) return;\n")]))

# ---------------------------------------------------------------- API (command runner)
ic('fa-301', 500, 'GET /cgi-bin/expenses returns invalid JSON',
   'The expenses API returns a trailing comma after the last expense ("[{...},{...},]"), so "My expenses" fails to load '
   'as soon as there is one expense. Return a valid JSON array ("[]" when there are none).',
   [(CGI, "respond '200 OK' \"[$(sed '$!s/$/,/' \"$DB\")]\"", "respond '200 OK' \"[$(sed 's/$/,/' \"$DB\")]\"")],
   command='fa-301', mixed=('alt', [(CGI, "\"[$(sed 's/$/,/' \"$DB\")]\"", "\"[$(awk 'NR > 1 { printf \",\" } { printf \"%s\", $0 }' \"$DB\")]\"")]))

ic('fa-302', 1000, 'Expenses API accepts negative and non-numeric amounts',
   'POST /cgi-bin/expenses stores anything as the amount: "-5", "abc", "0", "12.345". Bad amounts even break the JSON '
   'the API returns. The API must answer 400 with a JSON error for amounts that are not positive numbers with at most '
   'two decimals, and keep accepting valid ones (201).',
   [(CGI, """    if ! printf '%s' "$amount" | grep -Eq '^[0-9]+(\\.[0-9]{1,2})?$' || [ -z "$(printf '%s' "$amount" | tr -d '0.')" ]; then
      respond '400 Bad Request' '{"error":"amount must be a positive number with at most two decimals"}'; exit 0
    fi
""", """    if [ -z "$amount" ]; then respond '400 Bad Request' '{"error":"amount is required"}'; exit 0; fi
""")],
   command='fa-302', mixed=('outside',))

ic('fa-303', 250, 'Swiss franc missing from the currency list',
   'Report #12 "Zurich partner meeting" is in CHF, but CHF is missing from api/currencies.json, so the reports page '
   'fails to render and nobody can pick CHF on "New expense". Add CHF with the finance team\'s rate (1 USD = 0.90 CHF) '
   'and the symbol "CHF " (with a trailing space, e.g. "CHF 260.00").',
   [(CUR, '"JPY": 150, "CHF": 0.9 }', '"JPY": 150 }'), (CUR, '"JPY": "¥", "CHF": "CHF " }', '"JPY": "¥" }')],
   command='fa-303', mixed=('gold',))

HIDDEN = {
 'fa-301': r'''#!/bin/sh
# Hidden test for fa-301: GET /cgi-bin/expenses must be a valid JSON array, empty or not.
base=http://127.0.0.1:8080/cgi-bin/expenses
fail() { echo "FAIL: $*"; exit 1; }
for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /dev/null http://127.0.0.1:8080/cgi-bin/health && break; sleep 0.5; done
out=$(wget -q -O - "$base" | tr -d '\n') || fail "GET failed"
[ "$out" = "[]" ] || fail "empty list should be [], got: $out"
wget -q -O /dev/null --post-data 'merchant=Taxi&amount=10&currency=USD&category=Travel&date=2024-05-01' "$base" || fail "POST 1 failed"
wget -q -O /dev/null --post-data 'merchant=Lunch&amount=20.50&currency=EUR&category=Meals&date=2024-05-02' "$base" || fail "POST 2 failed"
out=$(wget -q -O - "$base" | tr -d '\n')
case "$out" in '[{'*'}]') ;; *) fail "not a JSON array of objects: $out" ;; esac
case "$out" in *',]'*|*',,'*|*'[,'*) fail "stray comma: $out" ;; esac
[ "$(echo "$out" | grep -o '"id":' | wc -l)" -eq 2 ] || fail "expected 2 expenses: $out"
echo "$out" | grep -q '},{' || fail "objects not comma-separated: $out"
echo PASS
''',
 'fa-302': r'''#!/bin/sh
# Hidden test for fa-302: the expenses API validates amounts.
base=http://127.0.0.1:8080/cgi-bin/expenses
fail() { echo "FAIL: $*"; exit 1; }
for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /dev/null http://127.0.0.1:8080/cgi-bin/health && break; sleep 0.5; done
post() { wget -q -O - --post-data "merchant=Cab&amount=$1&currency=USD&category=Travel&date=2024-05-01" "$base" 2>&1; }
for bad in -5 abc 0 0.00 12.345 1e3 '%2012' ''; do
  if out=$(post "$bad"); then fail "amount '$bad' was accepted: $out"; fi
  echo "$out" | grep -q 400 || fail "amount '$bad' should get 400: $out"
done
out=$(post 12.34) || fail "valid amount 12.34 was rejected: $out"
echo "$out" | grep -q '"amount":12.34' || fail "unexpected body: $out"
out=$(post 7) || fail "valid amount 7 was rejected: $out"
[ "$(wget -q -O - "$base" | grep -o '"id":' | wc -l)" -eq 2 ] || fail "exactly the 2 valid expenses should be stored"
echo PASS
''',
 'fa-303': r'''#!/bin/sh
# Hidden test for fa-303: api/currencies.json lists CHF with its rate and symbol, and the file is still served.
f=/srv/app/api/currencies.json
fail() { echo "FAIL: $*"; exit 1; }
tr -d ' \n' < "$f" | grep -q '"rates":{[^}]*"CHF":0\.90*[,}]' || fail "CHF rate 0.9 missing from rates"
tr -d '\n' < "$f" | grep -q '"symbols": *{[^}]*"CHF": *"CHF "' || fail "CHF symbol missing"
for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /dev/null http://127.0.0.1:8080/cgi-bin/health && break; sleep 0.5; done
wget -q -O - http://127.0.0.1:8080/api/currencies.json | grep -q CHF || fail "served file lacks CHF"
echo PASS
''',
}

MANAGER = [
 ('fa-m01', 1000, 'Approving a report from a filtered list resets the filters', '2', [
   ('1', 'Store the list state in the URL hash (#/reports?status=submitted&page=2) and rebuild it from the hash on every render.'),
   ('2', 'Stop resetting the list state after an approval: keep the module-level state object and just re-render the current page.'),
   ('3', 'Reload the page after each approval so the browser restores the previous scroll position.')]),
 ('fa-m02', 4000, 'Splitting an expense loses or adds a cent', '3', [
   ('1', 'Round each part with toFixed(2) instead of Math.round.'),
   ('2', 'Store amounts as floats with more precision and round only when displaying.'),
   ('3', 'Work in integer cents: give each part floor(cents / n) and spread the remaining cents over the first parts.')]),
 ('fa-m03', 2000, 'Expense total in my default currency is converted the wrong way', '1', [
   ('1', 'Fix Fmt.convert to go through the base currency: amount / rate[from] * rate[to]; every caller benefits.'),
   ('2', 'Invert the rates in api/currencies.json so the current formula gives the right answer.'),
   ('3', 'Special-case EUR in the expenses page and multiply by 0.8.'),
   ('4', 'Show totals only in USD to avoid conversions.')]),
 ('fa-m04', 4000, 'HTML in a merchant name is executed on "My expenses"', '2', [
   ('1', 'Strip <script> tags from merchant names before inserting them with innerHTML.'),
   ('2', 'Render merchant names with textContent (and escape them wherever HTML strings are built); keep the stored value as typed.')]),
 ('fa-m05', 1000, 'Expenses API accepts negative and non-numeric amounts', '2', [
   ('1', 'Validate the amount only in the browser form; the API is internal.'),
   ('2', 'Validate in the CGI with a strict pattern (positive, at most two decimals) and answer 400 with a JSON error; keep the form check for quick feedback.'),
   ('3', 'Store amounts as strings so any value round-trips.')]),
 ('fa-m06', 2000, 'The last admin can demote themselves', '3', [
   ('1', 'Hide the role select for the current user.'),
   ('2', 'Ask for confirmation before changing any role.'),
   ('3', 'Refuse the change when it would leave no admin, show an error toast and reset the select to "admin".')]),
 ('fa-m07', 16000, 'Bulk approval of expense reports', '1', [
   ('1', 'Row checkboxes for submitted reports, a page-level select-all, a toolbar "Approve selected (N)" button disabled at 0, one summary toast.'),
   ('2', 'A separate "Approval queue" page that approves every submitted report at once with no selection.'),
   ('3', 'Approve reports automatically when they are submitted if the total is under $100.')]),
 ('fa-m08', 500, 'Settings are forgotten after a reload', '2', [
   ('1', 'Keep settings in a cookie instead of localStorage.'),
   ('2', 'Read settings from the same localStorage key they are written to (tally.settings) and refresh the greeting after saving.')]),
]
MIXED_MANAGER = {'fa-m01': '2', 'fa-m02': '1', 'fa-m03': '1', 'fa-m04': '2', 'fa-m05': '3', 'fa-m06': '3', 'fa-m07': '1'}  # fa-m08 unanswered


def main():
    tasks_dir = os.path.join(POOL, 'tasks')
    shutil.rmtree(tasks_dir, ignore_errors=True)
    manifest = {'format': 'swelancer-task-manifest', 'version': 1, 'name': 'freelance-app sample pool', 'tasks': []}
    gold, mixed = [], []
    for t in TASKS:
        qid = t['qid']
        d = os.path.join(tasks_dir, qid)
        os.makedirs(d)
        buggy = apply_edits({}, t['bug'], qid)
        clean = {rel: read(rel) for rel in buggy}
        bug_diff, gold_diff = diff(clean, buggy), diff(buggy, clean)
        open(os.path.join(d, 'bug.diff'), 'w').write(bug_diff)
        open(os.path.join(d, 'gold.diff'), 'w').write(gold_diff)
        icspec = {'acceptable_folders': ['srv/app'], 'cwd': '/srv/app', 'image': IMAGE,
                  'bug_patch': f'tasks/{qid}/bug.diff', 'gold_patch': f'tasks/{qid}/gold.diff'}
        if t['command']:
            os.makedirs(os.path.join(d, 'tests'))
            p = os.path.join(d, 'tests', 'test.sh')
            open(p, 'w').write(HIDDEN[t['command']])
            os.chmod(p, 0o755)
            icspec.update(runner='command', timeout_seconds=60, test_command=['sh', '/hidden-tests/test.sh'],
                          hidden_tests=f'tasks/{qid}/tests')
        else:
            icspec.update(runner='browser', serve_port=8080, timeout_seconds=60, browser_tests=t['tests'])
        manifest['tasks'].append({'question_id': qid, 'variant': 'ic_swe', 'price': t['price'], 'title': t['title'],
                                  'description': t['description'], 'ic': icspec})
        gold.append({'question_id': qid, 'attempt': 1, 'model_patch': gold_diff, 'model_name_or_path': 'gold'})
        m = t['mixed']
        if not m:
            continue
        if m[0] == 'gold':
            patch = gold_diff
        elif m[0] in ('alt', 'wrong'):
            patch = diff(buggy, apply_edits(buggy, m[1], qid + ' mixed'))
        elif m[0] == 'noapply':  # a diff made against an older version of the file: it deletes a line this version
            # no longer has, so no fuzz factor can place it (fuzz forgives context lines, never removed ones)
            lines, done = gold_diff.splitlines(True), False
            for i, l in enumerate(lines):
                if l.startswith('@@') and not done:
                    old_start, old_count = l.split()[1][1:].split(',')
                    rest = l.split(' ', 2)[2]
                    lines[i] = f"@@ -{old_start},{int(old_count) + 1} {rest}"
                    lines.insert(i + 1, '-  var legacyMode = true; // removed in 2.0\n')
                    done = True
            patch = ''.join(lines)
            assert done, qid
        elif m[0] == 'outside':  # the right fix, plus an edit that weakens the hidden test: must be refused
            patch = gold_diff + ''.join(difflib.unified_diff(
                HIDDEN[qid].splitlines(True), HIDDEN[qid].replace('for bad in -5 abc 0 0.00 12.345', 'for bad in').splitlines(True),
                'a/hidden-tests/test.sh', 'b/hidden-tests/test.sh', n=3))
        mixed.append({'question_id': qid, 'attempt': 1, 'model_patch': patch, 'model_name_or_path': 'sample-mixed-model'})
    for qid, price, title, correct, proposals in MANAGER:
        manifest['tasks'].append({'question_id': qid, 'variant': 'swe_manager', 'price': price, 'title': title,
                                  'manager': {'correct_proposal_id': correct,
                                              'proposals': [{'id': i, 'summary': s} for i, s in proposals]}})
        gold.append({'question_id': qid, 'selected_proposal_id': correct, 'model_name_or_path': 'gold'})
        if qid in MIXED_MANAGER:
            mixed.append({'question_id': qid, 'selected_proposal_id': MIXED_MANAGER[qid], 'model_name_or_path': 'sample-mixed-model'})
    with open(os.path.join(POOL, 'tasks.json'), 'w') as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write('\n')
    sub = os.path.join(POOL, 'submissions')
    os.makedirs(sub, exist_ok=True)
    for name, lines in (('gold.jsonl', gold), ('mixed.jsonl', mixed), ('empty.jsonl', [])):
        with open(os.path.join(sub, name), 'w') as f:
            for l in lines:
                f.write(json.dumps(l, ensure_ascii=False) + '\n')
    ic_n = sum(1 for t in manifest['tasks'] if t['variant'] == 'ic_swe')
    print(f"{len(manifest['tasks'])} tasks ({ic_n} ic_swe), pool value ${sum(t['price'] for t in manifest['tasks']):,}")


if __name__ == '__main__':
    main()
