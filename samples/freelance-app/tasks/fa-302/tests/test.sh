#!/bin/sh
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
