#!/usr/bin/env bash
# Validates the Docker deployment without a Docker engine: the compose file, every build context and Dockerfile it
# names, the Prometheus configuration, alert rules and their unit tests, and the Grafana provisioning and dashboards
# (JSON that parses, and PromQL that Prometheus accepts). Installs Debian's docker-compose and prometheus packages
# when their commands are missing. Run from anywhere; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return
  step "installing Debian package $2 (for $1)"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1 || fail "$2 installed but $1 is still missing"
}
need docker-compose docker-compose
need promtool prometheus
need python3 python3
# PyYAML: Debian's python3-yaml comes with docker-compose, for the system Python.
PY=python3
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  PY=/usr/bin/python3
  "$PY" -c 'import yaml' 2>/dev/null || fail "PyYAML is missing: apt-get install python3-yaml"
fi

step "docker-compose config"
docker-compose -f docker-compose.yml config -q

step "build contexts and Dockerfiles"
# One line per built service, "<service> <context> <dockerfile> <APP>", from the resolved configuration.
builds=$(docker-compose -f docker-compose.yml config | "$PY" -c '
import sys, yaml
config = yaml.safe_load(sys.stdin)
for name, service in sorted(config["services"].items()):
    build = service.get("build")
    if build is None:
        continue
    if isinstance(build, str):
        build = {"context": build}
    print(name, build["context"], build.get("dockerfile", "Dockerfile"), (build.get("args") or {}).get("APP", "-"))
')
[ -n "$builds" ] || fail "no service is built from this repository"
while read -r service context dockerfile app; do
  [ -d "$context" ] || fail "$service: build context $context does not exist"
  case "$dockerfile" in /*) path="$dockerfile" ;; *) path="$context/$dockerfile" ;; esac
  [ -f "$path" ] || fail "$service: Dockerfile $path does not exist"
  if [ "$app" != "-" ]; then
    [ -f "$context/$app/pom.xml" ] || fail "$service: APP=$app is not a module of the repository"
    grep -q "^FROM runtime AS app-$app\$" "$path" || fail "$service: $path has no stage app-$app"
  fi
  echo "   $service: $path (APP=$app)"
done <<< "$builds"
for f in deploy/healthcheck.sh deploy/Dockerfile.dockerignore; do
  [ -f "$f" ] || fail "$f is missing (the Dockerfile copies or relies on it)"
done
bash -n deploy/healthcheck.sh

step "promtool check config"
promtool check config deploy/prometheus/prometheus.yml

step "promtool check rules"
promtool check rules deploy/prometheus/alerts.yml

step "promtool test rules"
(cd deploy/prometheus && promtool test rules alerts.test.yml)

step "Grafana provisioning and dashboards"
"$PY" -c 'import sys, yaml
for f in sys.argv[1:]:
    yaml.safe_load(open(f))' deploy/grafana/provisioning/*/*.yml
dashboards=(deploy/grafana/dashboards/*.json)
[ -e "${dashboards[0]}" ] || fail "no dashboard in deploy/grafana/dashboards"
for f in "${dashboards[@]}"; do
  python3 -m json.tool "$f" >/dev/null || fail "$f is not valid JSON"
done
# Every panel query, with Grafana's variables replaced, must be PromQL that Prometheus parses: wrap them as
# recording rules and let promtool check them.
queries=$(mktemp --suffix=.yml)
trap 'rm -f "$queries"' EXIT
"$PY" - "$queries" "${dashboards[@]}" <<'PY'
import json, re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
rules = []
def walk(panels):
    for p in panels:
        yield p
        yield from walk(p.get("panels", []))
for f in files:
    d = json.load(open(f, encoding="utf-8"))
    if not d.get("uid") or not d.get("title"):
        sys.exit(f"{f}: a dashboard needs a uid and a title")
    for p in walk(d.get("panels", [])):
        for t in p.get("targets", []):
            expr = t.get("expr")
            if not expr:
                continue
            expr = re.sub(r"\$__(rate_interval|interval|range)", "5m", expr).replace("$application", ".*")
            if "$" in expr:
                sys.exit(f"{f}: panel {p.get('title')!r} uses an unknown variable: {t['expr']}")
            rules.append({"record": f"dashboard:query:{len(rules)}", "expr": expr})
yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, open(out, "w"))
print(f"   {len(rules)} panel queries in {len(files)} dashboard(s)")
PY
promtool check rules "$queries" >/dev/null || { promtool check rules "$queries"; fail "a dashboard query does not parse"; }

step "deployment checks passed"
