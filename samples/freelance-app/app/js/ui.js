// Small DOM helpers shared by the pages.
var UI = (function () {
  function el(html) {
    var t = document.createElement('template');
    t.innerHTML = html.trim();
    return t.content.firstElementChild;
  }

  // Shows a toast for a few seconds. options.action / options.onAction add a button (e.g. "Undo").
  function toast(message, options) {
    options = options || {};
    var node = el('<div class="toast" role="status"><span class="toast-text"></span></div>');
    node.querySelector('.toast-text').textContent = message;
    if (options.error) node.classList.add('error');
    if (options.action) {
      var b = el('<button class="toast-undo" type="button"></button>');
      b.textContent = options.action;
      b.addEventListener('click', function () { node.remove(); options.onAction(); });
      node.appendChild(b);
    }
    document.getElementById('toasts').appendChild(node);
    setTimeout(function () { node.remove(); }, options.duration || 5000);
    return node;
  }

  function spinner() { return '<div class="spinner" aria-label="Loading"></div>'; }

  return { el: el, toast: toast, spinner: spinner };
})();
