#!/usr/bin/env bash
# The first customer journey with curl alone, following docs/api.md:
# postcard login → first change of ID and password → register the reissue
# email → confirm through the URL from the outbox → log out → log in with the
# new ID → 15-month history → a breakdown.
#
#   npm run backend            # in another terminal
#   bash scripts/curl-journey.sh http://localhost:8787/api/v1
#
# Needs only bash, curl, sed and grep. Exits non-zero at the first step that
# does not answer as documented. Run it on a freshly started backend: the
# postcard credentials work once.
set -euo pipefail
API=${1:-http://localhost:8787/api/v1}
NEW_ID=${NEW_ID:-hanako-$RANDOM}
NEW_PASSWORD='Hanako2026!'
EMAIL=hanako@example.jp

step() { printf '\n== %s\n' "$*"; }
# call METHOD PATH [JSON] -> prints the body, fails on a status outside 2xx
call() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -X "$method" -H 'accept: application/json' -w '\n%{http_code}')
  [[ -n ${TOKEN:-} ]] && args+=(-H "authorization: Bearer $TOKEN")
  [[ -n $body ]] && args+=(-H 'content-type: application/json' --data "$body")
  local out status
  out=$(curl "${args[@]}" "$API$path")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  echo "$method $path -> $status" >&2
  if [[ $status != 2* ]]; then echo "$out" >&2; return 1; fi
  printf '%s' "$out"
}
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }

step 'Postcard login (HK7Q2MX / t8Rw3nPa)'
TOKEN=$(call POST /auth/initial-login '{"initialLoginId":"HK7Q2MX","initialPassword":"t8Rw3nPa"}' | field token)
[[ -n $TOKEN ]]

step "First change of login ID and password (new ID $NEW_ID)"
call POST /credentials/setup "{\"initialLoginId\":\"HK7Q2MX\",\"initialPassword\":\"t8Rw3nPa\",\"newLoginId\":\"$NEW_ID\",\"newLoginIdConfirm\":\"$NEW_ID\",\"newPassword\":\"$NEW_PASSWORD\",\"newPasswordConfirm\":\"$NEW_PASSWORD\"}" | grep -q '"stage":"active"'

step 'Register the email for password reissue'
QUESTION=$(call GET /reissue-email/questions | field id)
call POST /reissue-email "{\"email\":\"$EMAIL\",\"emailConfirm\":\"$EMAIL\",\"questionId\":\"$QUESTION\",\"answer\":\"Mike\"}" | grep -q '"state":"pending"'

step 'Confirm through the URL mailed to the outbox'
LINK_TOKEN=$(call GET /_dev/outbox | grep -o "\"to\":\"$EMAIL\"[^}]*" | grep -o 'token=[A-Za-z0-9_-]*' | tail -n 1 | cut -d= -f2)
[[ -n $LINK_TOKEN ]]
SAVED=$TOKEN; TOKEN=
call POST /reissue-email/confirm "{\"token\":\"$LINK_TOKEN\",\"questionId\":\"$QUESTION\",\"answer\":\"Mike\"}" | grep -q '"state":"registered"'
TOKEN=$SAVED

step 'Log out'
call POST /auth/logout >/dev/null
if call GET /auth/session >/dev/null 2>&1; then echo 'session still alive after logout' >&2; exit 1; fi
TOKEN=

step 'Log in with the new ID'
TOKEN=$(call POST /auth/login "{\"loginId\":\"$NEW_ID\",\"password\":\"$NEW_PASSWORD\"}" | field token)
[[ -n $TOKEN ]]

step '15-month history'
HISTORY=$(call GET /billing/history)
MONTHS=$(grep -o '"month":"[0-9-]*"' <<<"$HISTORY" | wc -l)
[[ $MONTHS -eq 15 ]] || { echo "expected 15 months, got $MONTHS" >&2; exit 1; }
CURRENT=$(field currentMonth <<<"$HISTORY")

step "Breakdown of $CURRENT"
call GET "/billing/months/$CURRENT/breakdown" | grep -q '"companies":\['

printf '\njourney complete\n'
