import { readFileSync, existsSync, statSync } from 'node:fs';
import { posix, join } from 'node:path';
import { pageAssets, staticImports } from '/work/main/src/lib/size/first-visit';
const dir='/work/main/build', page=process.argv[2] ?? 'index.html';
const html=readFileSync(join(dir,page),'utf8');const a=pageAssets(html);
const from=(f:string,p:string)=>p.startsWith('/')?p.slice(1):posix.join(posix.dirname(f),p);
const seen=new Set<string>();const todo=a.js.map(p=>from(page,p));
while(todo.length){const f=todo.pop()!;if(seen.has(f))continue;seen.add(f);for(const p of staticImports(readFileSync(join(dir,f),'utf8')))todo.push(from(f,p));}
const rows=[...seen].map(f=>[existsSync(join(dir,f)+'.br')?statSync(join(dir,f)+'.br').size:statSync(join(dir,f)).size,f] as const).sort((x,y)=>y[0]-x[0]);
for(const r of rows)console.log(r[0],r[1], readFileSync(join(dir,r[1]),'utf8').slice(0,0));
console.log(rows.reduce((s,r)=>s+r[0],0));
