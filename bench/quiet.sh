# Sourced by bench scripts that time a generator on a shared machine: wait until the CPUs are quiet.
#   busy_percent      how busy all CPUs were over the next 2 s, in percent
#   wait_for_quiet    waits until less than QUIET_BUSY percent busy (default 15), at most QUIET_WAIT
#                     seconds (default 120); prints the last busy share

busy_percent() {
  local u n s i w x y z t1 i1 t2 i2
  read -r _ u n s i w x y z _ </proc/stat; t1=$((u + n + s + i + w + x + y + z)); i1=$((i + w))
  sleep 2
  read -r _ u n s i w x y z _ </proc/stat; t2=$((u + n + s + i + w + x + y + z)); i2=$((i + w))
  echo $((100 - 100 * (i2 - i1) / (t2 - t1)))
}

wait_for_quiet() {
  local busy waited=0
  busy="$(busy_percent)"
  while [ "$busy" -ge "${QUIET_BUSY:-15}" ] && [ "$waited" -lt "${QUIET_WAIT:-120}" ]; do
    sleep 3; waited=$((waited + 5)); busy="$(busy_percent)"
  done
  echo "$busy"
}
