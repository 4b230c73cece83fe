#!/usr/bin/env bash
# The API contract checked against a real `colopass serve`: schemathesis (from the project's
# .venv, made by `make deps`) generates requests from openapi.yaml, as an admin and as a client
# user, and fails on any check it reports (a 5xx, a status or content type the document does not
# name, a body off its schema, a request the schema forbids that the server took, …).
# Bounded: a few examples per operation and a time limit per run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.build/debug/colopass"
st="$root/.venv/bin/schemathesis"
examples="${SCHEMATHESIS_EXAMPLES:-8}"
# `positive_data_acceptance` (a request the schema allows must not be refused) is left out unless
# CONTRACT_STRICT=1: the document does not yet carry every constraint the server checks (check
# characters of card numbers, ID and credit-code checksums, number shapes, non-blank text), so
# those refusals are known and listed by `make contract-strict`. Every other check runs.
skip_checks="positive_data_acceptance"
[ "${CONTRACT_STRICT:-0}" = 1 ] && skip_checks=""
limit="${SCHEMATHESIS_SECONDS:-70}"
[ -x "$bin" ] || { echo "contract: build first (swift build)"; exit 1; }
[ -x "$st" ] || { echo "contract: run make deps (schemathesis in .venv)"; exit 1; }

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export COLOPASS_DATA="$work/data" COLOPASS_POLICY="$root/policies/site.yaml" COLOPASS_CONFIG_DIR="$work/config"
unset COLOPASS_TOKEN COLOPASS_AS

"$bin" init --demo > "$work/init.out"
password="$(awk '$1 == "admin" && NF == 2 {print $2}' "$work/init.out")"
echo "$password" | "$bin" login admin --password-stdin > /dev/null
token() { "$bin" token issue "$1" --kind api --label contract --as admin | grep -E '^cp[a-z]_'; }
admin="$(token admin)"
client="$(token yunzhan)"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$bin" serve --port "$port" > "$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 0.2; done

# Left out: what would end the run's own credentials (signing out or revoking a token revokes the one in use;
# an admin could disable itself or reset its own password and end its sessions).
# The web console's pages (forms with a cookie session and CSRF) are left to the browser tests.
excluded="^(getWeb|postWeb|deleteApiSession$|deleteApiTokensId$|postApiAccountsNameDisable$|putApiAccountsNamePassword$)"
status=0
reports="$root/.build/test-output/contract"
mkdir -p "$reports"
for who in admin client; do
  echo "contract: schemathesis as $who (≤ $examples examples per operation, ≤ ${limit}s)"
  bearer="$admin"; [ "$who" = client ] && bearer="$client"
  timeout "$((limit + 30))" "$st" run "http://127.0.0.1:$port/openapi.yaml" \
    --checks all ${skip_checks:+--exclude-checks "$skip_checks"} --max-examples "$examples" --header "Authorization: Bearer $bearer" \
    --exclude-operation-id-regex "$excluded" --max-time "$limit" \
    > "$reports/$who.txt" 2>&1 || status=$?
  tail -n 40 "$reports/$who.txt"
  echo "contract: the whole report is $reports/$who.txt"
  [ "$status" -eq 0 ] || { echo "contract: schemathesis as $who failed ($status)"; break; }
done
exit "$status"
