#!/bin/sh
# Hidden test for fa-303: api/currencies.json lists CHF with its rate and symbol, and the file is still served.
f=/srv/app/api/currencies.json
fail() { echo "FAIL: $*"; exit 1; }
tr -d ' \n' < "$f" | grep -q '"rates":{[^}]*"CHF":0\.90*[,}]' || fail "CHF rate 0.9 missing from rates"
tr -d '\n' < "$f" | grep -q '"symbols": *{[^}]*"CHF": *"CHF "' || fail "CHF symbol missing"
for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /dev/null http://127.0.0.1:8080/cgi-bin/health && break; sleep 0.5; done
wget -q -O - http://127.0.0.1:8080/api/currencies.json | grep -q CHF || fail "served file lacks CHF"
echo PASS
