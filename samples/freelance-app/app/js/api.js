// The fake backend: static JSON under api/ and the CGI endpoints under cgi-bin/ (served by busybox httpd).
var Api = (function () {
  function getJSON(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('GET ' + url + ' failed: ' + r.status);
      return r.json();
    });
  }

  function encodeForm(fields) {
    return Object.keys(fields).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(fields[k]);
    }).join('&');
  }

  return {
    reports: function () { return getJSON('api/reports.json'); },
    currencies: function () { return getJSON('api/currencies.json'); },
    members: function () { return getJSON('api/members.json'); },
    categories: function () { return getJSON('api/categories.json'); },
    listExpenses: function () { return getJSON('cgi-bin/expenses'); },
    createExpense: function (expense) {
      return fetch('cgi-bin/expenses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encodeForm(expense)
      }).then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.error || ('POST failed: ' + r.status));
          return body;
        });
      });
    }
  };
})();
