#!/usr/bin/env python3
# Where the side-by-side noise is: over the A/A runs (calibration-*, s0-*) bench/side-by-side.sh kept in DIR, the
# sd of the instances' mean p50 differences (percent, ln B/A), split into the pairs' own noise and what is left: the
# difference between two JVMs of one build.   bench/side-by-side-variance.py /tmp/perfgate-side-by-side.XXXX
import json,sys,glob,math,statistics
d=sys.argv[1]
inst_means=[];within_var=[]
for f in sorted(glob.glob(d+'/*/SideBySideLoadIT.reminders.json')):
    lab=f.split('/')[-2]
    if not (lab.startswith('s0') or lab.startswith('cal')): continue
    t=json.load(open(f))['sideBySide']['trials']
    pairs={}
    for x in t: pairs.setdefault((x['instance'],x['pair']),{})[x['version']]=x['total']['latencyMs']['p50']
    inst={}
    for (i,p),v in pairs.items():
        if 'A' in v and 'B' in v: inst.setdefault(i,[]).append(100*math.log(v['B']/v['A']))
    for v in inst.values():
        inst_means.append(statistics.mean(v)); within_var.append(statistics.variance(v)/len(v))
tot=statistics.variance(inst_means); w=statistics.mean(within_var)
print(f"A/A instances {len(inst_means)}: sd of instance means {math.sqrt(tot):.2f} %, pair-noise part {math.sqrt(w):.2f} %, between-JVM part {math.sqrt(max(tot-w,0)):.2f} %")
