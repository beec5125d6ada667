"""CPU time per thread of the viewer that ViewerEndToEnd starts, user and system, from /proc.

Usage, next to a ViewerEndToEnd run: python3 thread_cpu.py DELAY_S DURATION_S [harness]
Waits for the viewer's JVM (`java ... -jar ...viewer...`), or with `harness` for the
ViewerEndToEnd JVM itself (its publishers and clients), sleeps DELAY_S, then reads every
thread's utime and stime twice, DURATION_S apart, and prints the cores each thread used,
threads of a pool (name-N) added up.
"""
import os,sys,time,re,collections
def snap(pid):
    d={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            s=open(f'/proc/{pid}/task/{t}/stat').read()
            name=s[s.index('(')+1:s.rindex(')')]
            f=s[s.rindex(')')+2:].split()
            d[t]=(name,int(f[11]),int(f[12]))
        except Exception: pass
    return d
harness=len(sys.argv)>3 and sys.argv[3]=='harness'
def find():
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                c=open(f'/proc/{p}/cmdline').read().split('\0')
                if harness:
                    if c[0].endswith('java') and any(a.endswith('.ViewerEndToEnd') for a in c): return p
                elif '-jar' in c and 'viewer' in c[c.index('-jar')+1]: return p
            except Exception: pass
pid=None
while pid is None:
    pid=find(); time.sleep(0.5)
delay=float(sys.argv[1]); dur=float(sys.argv[2])
time.sleep(delay)
try:
    a=snap(pid); time.sleep(dur); b=snap(pid)
except FileNotFoundError:
    print("viewer gone"); sys.exit(0)
agg=collections.defaultdict(lambda:[0,0])
for t,(n,u,s) in b.items():
    if t in a:
        n2=re.sub(r'[-#]?\d+$','',n)
        agg[n2][0]+=u-a[t][1]; agg[n2][1]+=s-a[t][2]
tot_u=sum(v[0] for v in agg.values()); tot_s=sum(v[1] for v in agg.values())
print(f"pid {pid} over {dur}s: user {tot_u/100/dur:.3f} cores, sys {tot_s/100/dur:.3f} cores")
for n,(u,s) in sorted(agg.items(), key=lambda x:-(x[1][0]+x[1][1]))[:24]:
    print(f"{n:28s} user {u/100/dur:.3f} sys {s/100/dur:.3f}")
