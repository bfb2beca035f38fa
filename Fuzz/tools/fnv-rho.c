#include <stdlib.h>
#include <stdio.h>
#include <stdint.h>
static const char *hx="0123456789abcdef";
static inline uint64_t f(uint64_t x){ uint64_t h=0xcbf29ce484222325ULL; for(int i=60;i>=0;i-=4){ h^=(unsigned char)hx[(x>>i)&15]; h*=0x100000001b3ULL;} return h;}
static void pr(uint64_t x){ for(int i=60;i>=0;i-=4) putchar(hx[(x>>i)&15]); }
int main(int argc,char**argv){ uint64_t x0=argc>1?strtoull(argv[1],0,16):0x1234567;
 uint64_t power=1,lam=1,t=x0,h=f(x0);
 while(t!=h){ if(power==lam){t=h;power*=2;lam=0; if(power>(1ULL<<20)){fprintf(stderr,"p=%llu\n",(unsigned long long)power);} } h=f(h); lam++; }
 fprintf(stderr,"lambda=%llu\n",(unsigned long long)lam);
 t=x0; h=x0; for(uint64_t i=0;i<lam;i++) h=f(h);
 uint64_t pt=0,ph=0; uint64_t mu=0;
 while(t!=h){ pt=t; ph=h; t=f(t); h=f(h); mu++; }
 fprintf(stderr,"mu=%llu\n",(unsigned long long)mu);
 if(mu==0){printf("no collision (x0 on cycle)\n");return 1;}
 pr(pt); putchar(' '); pr(ph); printf(" %016llx %016llx\n",(unsigned long long)f(pt),(unsigned long long)f(ph)); return 0;}
