// Boot and hash router.
var App = (function () {
  var routes = [
    [/^#\/reports\/?$/, function () { ReportsPage.render(); }, 'reports'],
    [/^#\/reports\/([^/]+)$/, function (m) { ReportPage.render(decodeURIComponent(m[1])); }, 'reports'],
    [/^#\/expenses\/new$/, function () { ExpenseFormPage.render(); }, 'new'],
    [/^#\/expenses\/?$/, function () { ExpensesPage.render(); }, 'expenses'],
    [/^#\/members\/?$/, function () { MembersPage.render(); }, 'members'],
    [/^#\/settings\/?$/, function () { SettingsPage.render(); }, 'settings']
  ];

  function renderGreeting() {
    var name = Store.settings().name;
    document.getElementById('greeting').textContent = name ? 'Hi, ' + name : '';
  }

  function route() {
    var hash = location.hash || '#/reports';
    for (var i = 0; i < routes.length; i++) {
      var m = hash.match(routes[i][0]);
      if (m) {
        document.querySelectorAll('[data-nav]').forEach(function (a) { a.classList.toggle('active', a.dataset.nav === routes[i][2]); });
        routes[i][1](m);
        return;
      }
    }
    location.hash = '#/reports';
  }

  function start() {
    document.getElementById('app').innerHTML = UI.spinner();
    Promise.all([Api.currencies(), Store.load()]).then(function (results) {
      Fmt.setCurrencies(results[0]);
      renderGreeting();
      window.addEventListener('hashchange', route);
      route();
      document.body.dataset.ready = 'true';
    }).catch(function (err) {
      document.getElementById('app').innerHTML = '<p class="field-error">Could not start: ' + Fmt.escapeHtml(err.message) + '</p>';
    });
  }

  start();
  return { renderGreeting: renderGreeting, route: route };
})();
