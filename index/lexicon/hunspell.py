import re,collections,gzip,json,sys
D=sys.argv[1] if len(sys.argv) > 1 else 'hunspell-sv/usr/share/hunspell/'
rules=collections.defaultdict(list)
for line in open(D+'sv_SE.aff',encoding='utf-8'):
    p=line.split()
    if len(p)>=5 and p[0]=='SFX':
        flag,strip,add,cond=p[1],p[2],p[3],p[4]
        addflags=''
        if '/' in add: add,addflags=add.split('/',1)
        if strip=='0': strip=''
        if add=='0': add=''
        rules[flag].append((strip,add,addflags,re.compile('(?:'+cond+')$')))
def parse_flags(s):
    return set(s)
entries=[]
for i,line in enumerate(open(D+'sv_SE.dic',encoding='utf-8')):
    if i==0: continue
    line=line.strip()
    if not line: continue
    w,_,fl=line.partition('/')
    entries.append((w,set(fl)))
def apply(w,flag):
    out=[]
    for strip,add,addflags,cond in rules.get(flag,[]):
        if strip and not w.endswith(strip): continue
        if not cond.search(w): continue
        out.append((w[:len(w)-len(strip)]+add,set(addflags)))
    return out
LINK_BEGIN=set('vyxwzuts r'.replace(' ',''))  # produce /WX forms
LINK_MID=set('fhgi')
mods={}; mids={}; heads={}; forms=set()
for w,fl in entries:
    lw=w.lower()
    if not re.fullmatch(r"[a-zåäöéü]+",lw): continue
    if '%' in fl: continue  # forbidden
    needaff='¤' in fl
    onlycomp='Z' in fl
    if not needaff and not onlycomp: forms.add(lw)
    if 'X' in fl: mods.setdefault(lw,set()).add(lw)
    if 'U' in fl: mids.setdefault(lw,set()).add(lw)
    infl=[]
    for f in fl:
        for nw,nfl in apply(w,f):
            nl=nw.lower()
            if 'X' in nfl or 'W' in nfl and f in LINK_BEGIN: mods.setdefault(nl,set()).add(lw)
            if 'U' in nfl: mids.setdefault(nl,set()).add(lw)
            if f not in LINK_BEGIN and f not in LINK_MID and nl and '-' not in nl:
                infl.append(nl)
                if not needaff: forms.add(nl)
    if 'Y' in fl:
        heads[lw]=sorted(set([lw]+infl))
print('entries',len(entries),'mods',len(mods),'mids',len(mids),'heads',len(heads),'headforms',sum(len(v) for v in heads.values()),'forms',len(forms))
def pick(form,cands):
    cands=set(cands)
    for c in (form[:-1] if form[-1] in 'seauo' else '', form[:-2] if form.endswith('es') else '', form+'a', form+'e', form[:-1]+'a'):
        if c in heads: cands.add(c)
    cands=sorted(cands)
    best=sorted(cands,key=lambda c:(c not in heads, not form.startswith(c) and not form.startswith(c[:-1]), -len(os.path.commonprefix([c,form])), len(c)))
    return best[0]
import os
mods={k:pick(k,v) for k,v in mods.items()}
mids={k:pick(k,v) for k,v in mids.items()}
json.dump(dict(mods=mods,mids=mids,heads=heads,forms=sorted(forms)),open('hun.json','w'),ensure_ascii=False)
