// #/members — workspace members: change roles (a workspace must keep an admin) and invite people.
var MembersPage = (function () {
  var MEMBERS_KEY = 'tally.members';
  var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  var members = null;

  function persist() { localStorage.setItem(MEMBERS_KEY, JSON.stringify(members)); }
  function loadMembers() {
    if (members) return Promise.resolve(members);
    var saved = localStorage.getItem(MEMBERS_KEY);
    if (saved) { members = JSON.parse(saved); return Promise.resolve(members); }
    return Api.members().then(function (data) { members = data.members; return members; });
  }

  function changeRole(member, role, select) {
    var admins = members.filter(function (m) { return m.role === 'admin'; });
    if (member.role === 'admin' && role !== 'admin' && admins.length === 1) {
      select.value = 'admin';
      UI.toast('A workspace needs at least one admin', { error: true });
      return;
    }
    member.role = role;
    persist();
    UI.toast(member.name + ' is now ' + role);
  }

  function render() {
    var root = document.getElementById('app');
    root.innerHTML = '<h1>Members</h1>' + UI.spinner();
    loadMembers().then(function () {
      root.innerHTML =
        '<h1>Members</h1>' +
        '<table id="members-table"><thead><tr><th>Name</th><th>Email</th><th>Role</th></tr></thead><tbody>' +
        members.map(function (m) {
          return '<tr class="member-row"><td>' + Fmt.escapeHtml(m.name) + '</td><td>' + Fmt.escapeHtml(m.email) + '</td><td>' +
            '<select data-test="role-' + m.id + '" data-id="' + m.id + '">' +
            ['admin', 'member', 'viewer'].map(function (r) { return '<option value="' + r + '"' + (r === m.role ? ' selected' : '') + '>' + r + '</option>'; }).join('') +
            '</select></td></tr>';
        }).join('') + '</tbody></table>' +
        '<h2>Invite</h2><form id="invite-form" class="card" novalidate>' +
        '<label for="invite-email">Email</label><input id="invite-email" autocomplete="off">' +
        '<label for="invite-role">Role</label><select id="invite-role"><option value="member">member</option><option value="viewer">viewer</option><option value="admin">admin</option></select>' +
        '<p class="field-error" id="invite-error" hidden></p>' +
        '<p><button type="submit" id="invite-submit" class="primary">Send invite</button></p></form>';

      root.querySelectorAll('select[data-test^="role-"]').forEach(function (s) {
        s.addEventListener('change', function () {
          var m = members.find(function (x) { return x.id === Number(s.dataset.id); });
          changeRole(m, s.value, s);
        });
      });

      document.getElementById('invite-form').addEventListener('submit', function (e) {
        e.preventDefault();
        var email = document.getElementById('invite-email').value.trim();
        var error = document.getElementById('invite-error');
        var problem = !EMAIL.test(email) ? 'Enter a valid email address'
          : members.some(function (m) { return m.email.toLowerCase() === email.toLowerCase(); }) ? 'Already a member' : '';
        if (problem) { error.textContent = problem; error.hidden = false; return; }
        members.push({ id: Math.max.apply(null, members.map(function (m) { return m.id; })) + 1, name: email.split('@')[0], email: email, role: document.getElementById('invite-role').value });
        persist();
        render();
        UI.toast('Invitation sent to ' + email);
      });
    });
  }

  return { render: render };
})();
