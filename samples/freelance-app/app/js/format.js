// Money, dates and escaping helpers. Currency data comes from api/currencies.json (see Fmt.setCurrencies).
var Fmt = (function () {
  var currencies = { base: 'USD', rates: { USD: 1 }, symbols: { USD: '$' }, decimals: {} };

  function setCurrencies(data) { currencies = data; }
  function codes() { return Object.keys(currencies.rates); }

  function round2(n) { return Math.round(Number(n) * 100) / 100; }

  // Converts an amount between two currencies through the base currency (rates are "units per 1 base").
  function convert(amount, from, to) {
    if (from === to) return Number(amount);
    var fromRate = currencies.rates[from], toRate = currencies.rates[to];
    if (!fromRate || !toRate) throw new Error('Unknown currency ' + (fromRate ? to : from));
    return Number(amount) / fromRate * toRate;
  }

  function money(amount, currency) {
    var cur = currency || currencies.base;
    var digits = currencies.decimals && currencies.decimals[cur] !== undefined ? currencies.decimals[cur] : 2;
    var symbol = currencies.symbols[cur] !== undefined ? currencies.symbols[cur] : cur + ' ';
    var n = Number(amount);
    var parts = Math.abs(n).toFixed(digits).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (n < 0 ? '-' : '') + symbol + parts.join('.');
  }

  function date(iso) {
    var p = String(iso).split('-');
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return months[Number(p[1]) - 1] + ' ' + Number(p[2]) + ', ' + p[0];
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  return { setCurrencies: setCurrencies, codes: codes, convert: convert, money: money, round2: round2, date: date, escapeHtml: escapeHtml };
})();
