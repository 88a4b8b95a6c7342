#!/bin/sh
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
