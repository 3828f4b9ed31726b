#!/usr/bin/env bash
# npm run test:slurm — a real single-node Slurm cluster in a temporary folder (recipe: Debian 12, no systemd), the
# tiny synthetic study run sharded 4 ways through `workbench run --executor slurm`, and its predictions and metrics
# compared byte for byte with a local single-process run. The daemons are stopped by PID on exit, whatever happens.
# Installs Slurm from Debian when sbatch is missing (needs root, as on CI).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
started=$(date +%s)

if ! command -v sbatch >/dev/null 2>&1; then
  echo "test:slurm: installing Slurm from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=900 \
    slurmctld slurmd slurm-client munge >/dev/null
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/tace-slurm-XXXXXX")
mkdir -p "$W/state" "$W/spool" "$W/log"
export SLURM_CONF="$W/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=ci
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/log/slurmctld.log
SlurmdLogFile=$W/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MpiDefault=none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

munge_pid=""
stop() {
  # By PID only: other daemons on the machine are none of our business. Each is waited for (up to 30 s, then
  # SIGKILL), so a check run right after this script finds no daemon of ours still alive.
  local pids=()
  for f in "$W/slurmd.pid" "$W/slurmctld.pid"; do
    [ -f "$f" ] && pids+=("$(cat "$f")")
  done
  [ -n "$munge_pid" ] && pids+=("$munge_pid")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "test:slurm: pid $pid still alive after 30 s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP_SLURM_DIR:-}" = "" ]; then rm -rf "$W"; else echo "test:slurm: kept $W"; fi
}
trap stop EXIT

install -d -o munge -g munge -m 755 /run/munge
if ! [ -S /run/munge/munge.socket.2 ] || ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  munge_pid=$(cat /run/munge/munged.pid)
fi
slurmctld
slurmd -N localhost
for _ in $(seq 1 60); do
  sinfo -h -o %T 2>/dev/null | grep -qx idle && break
  sleep 0.5
done
sinfo -h -o %T | grep -qx idle || { echo "test:slurm: the node did not come up"; cat "$W/log/"*.log; exit 1; }
echo "test:slurm: cluster up in $(($(date +%s) - started)) s"

wb() { node "$REPO/bin/workbench.mjs" "$@"; }
wb synth --scale tiny --out "$W/study" --jobs 2 >/dev/null
# The geometry sensitivity's fixed 32 mm run leaves the tiny study's training cohort without patches: off here.
echo '{"study": {"name": "test:slurm", "manifest": "study/study.csv"}, "sensitivity": {"geometries": []}}' >"$W/study.json"
mkdir -p "$W/local-cache" "$W/local" "$W/slurm-cache" "$W/slurm"

t0=$(date +%s)
wb run --study "$W/study.json" --cache "$W/local-cache" --export "$W/local" --jobs 2 >/dev/null 2>"$W/local.log" ||
  { tail -40 "$W/local.log"; exit 1; }
t1=$(date +%s)
echo "test:slurm: local run in $((t1 - t0)) s"
wb run --executor slurm --shards 4 --study "$W/study.json" --cache "$W/slurm-cache" --work "$W/slurm" --no-site --jobs 1
t2=$(date +%s)
echo "test:slurm: slurm run (4 shards) in $((t2 - t1)) s"

status=0
for f in "$W"/local/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$W/slurm/results/$name"; then echo "identical: $name"; else echo "DIFFERS: $name"; status=1; fi
done
[ "$(ls "$W/local" | wc -l)" -ge 4 ] || { echo "test:slurm: expected 4 result files"; status=1; }
echo "test:slurm: $([ $status = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - started)) s"
exit $status
