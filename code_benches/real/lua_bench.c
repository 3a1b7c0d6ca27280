/* lua: the Lua 5.4 interpreter from the lua-src crate running a
 * CPU-bound script (recursion, tables, strings, closures, sorting).
 * Lua's error handling uses setjmp/longjmp, which wasi-libc lacks: the
 * harness builds Lua with LUAI_THROW = abort() and LUAI_TRY = a plain
 * call, for native and wasm alike. The script never raises an error, so
 * that changes nothing it does; a Lua error would abort the process.
 * Coroutines are not used (yield from Lua is also a throw). */
#include <stdio.h>
#include <stdlib.h>
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#ifdef QUICK
#define SCALE "1"
#else
#define SCALE "30"
#endif

static const char *script =
    "local scale = " SCALE "\n"
    "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\n"
    "print('fib', fib(20 + (scale > 1 and 7 or 0)))\n"
    "-- sieve\n"
    "local n = 20000 * scale\n"
    "local sieve, count = {}, 0\n"
    "for i = 2, n do sieve[i] = true end\n"
    "for i = 2, n do if sieve[i] then count = count + 1; for j = i * i, n, i do sieve[j] = false end end end\n"
    "print('primes', count)\n"
    "-- strings and tables\n"
    "local words, h = {}, 0\n"
    "for i = 1, 3000 * scale do words[#words + 1] = string.format('w%05d:%x', (i * 7919) % 100003, i) end\n"
    "table.sort(words)\n"
    "for i = 1, #words, 97 do h = (h * 31 + #words[i] + string.byte(words[i], 3)) % 1000000007 end\n"
    "local joined = table.concat(words, ',', 1, 200)\n"
    "print('words', #words, h, #joined, words[1], words[#words])\n"
    "local freq = {}\n"
    "for i = 1, #words do local k = string.sub(words[i], 2, 3); freq[k] = (freq[k] or 0) + 1 end\n"
    "local keys = {}\n"
    "for k in pairs(freq) do keys[#keys + 1] = k end\n"
    "table.sort(keys)\n"
    "local acc = 0\n"
    "for i, k in ipairs(keys) do acc = acc + i * freq[k] end\n"
    "print('freq', #keys, acc)\n"
    "-- closures and floating point\n"
    "local function make_counter(step) local c = 0; return function() c = c + step; return c end end\n"
    "local ctrs = {}\n"
    "for i = 1, 100 do ctrs[i] = make_counter(i * 0.5) end\n"
    "local s = 0.0\n"
    "for r = 1, 2000 * scale do for i = 1, 100 do s = s + ctrs[i]() * 1e-6 end end\n"
    "print('closures', string.format('%.6f', s))\n"
    "-- objects with metatables\n"
    "local Vec = {}\n"
    "Vec.__index = Vec\n"
    "function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end\n"
    "function Vec.__add(a, b) return Vec.new(a.x + b.x, a.y + b.y) end\n"
    "function Vec:len2() return self.x * self.x + self.y * self.y end\n"
    "local v = Vec.new(0, 0)\n"
    "for i = 1, 30000 * scale do v = v + Vec.new(math.sin(i) , i % 7) end\n"
    "print('vec', string.format('%.6f %.1f %.3f', v.x, v.y, v:len2() / 1e9))\n";

int main(void) {
  lua_State *L = luaL_newstate();
  if (!L) return 1;
  luaL_requiref(L, "_G", luaopen_base, 1);
  luaL_requiref(L, "string", luaopen_string, 1);
  luaL_requiref(L, "table", luaopen_table, 1);
  luaL_requiref(L, "math", luaopen_math, 1);
  lua_settop(L, 0);
  if (luaL_loadstring(L, script) != LUA_OK) {
    fprintf(stderr, "load: %s\n", lua_tostring(L, -1));
    return 1;
  }
  lua_call(L, 0, 0);
  lua_close(L);
  return 0;
}
