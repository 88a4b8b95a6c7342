// #/settings — display name and default currency, kept in localStorage.
var SettingsPage = (function () {
  function render() {
    var root = document.getElementById('app');
    var s = Store.settings();
    root.innerHTML =
      '<h1>Settings</h1><form id="settings-form" class="card">' +
      '<label for="display-name">Display name</label><input id="display-name" autocomplete="off">' +
      '<label for="default-currency">Default currency</label><select id="default-currency">' +
      Fmt.codes().map(function (c) { return '<option value="' + c + '">' + c + '</option>'; }).join('') + '</select>' +
      '<p><button type="submit" id="save-settings" class="primary">Save</button></p></form>';
    document.getElementById('display-name').value = s.name;
    document.getElementById('default-currency').value = s.currency;
    document.getElementById('settings-form').addEventListener('submit', function (e) {
      e.preventDefault();
      Store.saveSettings({ name: document.getElementById('display-name').value.trim(), currency: document.getElementById('default-currency').value });
      App.renderGreeting();
      UI.toast('Settings saved');
    });
  }
  return { render: render };
})();
