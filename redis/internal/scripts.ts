// The Lua scripts of the Redis limiter. Every decision is one script, so it is atomic: Redis runs
// a script alone, with nothing between its commands. Time is Redis's own (`TIME`), one clock for
// every process, so processes with drifting clocks still agree on leases and rate windows.
//
// Keys (all under one hash tag, `{key}`, so that a Redis Cluster keeps them on one node):
//   KEYS[1] holders   ZSET  permit id -> lease end (ms)
//   KEYS[2] tokens    HASH  permit id -> fencing token (a number that only grows)
//   KEYS[3] queue     ZSET  "<16-digit sequence>:<waiter id>" -> -priority (lowest score first:
//                           higher priority first, then the sequence in byte order: FIFO)
//   KEYS[4] waiting   ZSET  queue member -> lease end (ms): a waiter whose process died expires
//   KEYS[5] counter   STRING the sequence of tokens and queue places
//   KEYS[6] starts    ZSET  permit id -> start time (ms), the rate limit's sliding window
//   KEYS[7] epoch     STRING made when the keys are first used: a server that lost its data
//                            (restart without persistence, failover) has a new one
// ARGV[1] channel (grants are published there as "<waiter id> <token>"), ARGV[2] concurrency
// (-1: none), ARGV[3] lease ms, ARGV[4] rate limit (0: none), ARGV[5] rate interval ms.
// A waiter id is also its permit id once granted.

const prelude = `
local holders, tokens, queue, waiting, counter, starts, epochKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local channel = ARGV[1]
local concurrency = tonumber(ARGV[2])
local leaseMs = tonumber(ARGV[3])
local rateLimit = tonumber(ARGV[4])
local rateInterval = tonumber(ARGV[5])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local epoch = redis.call('GET', epochKey)
if not epoch then
  epoch = clock[1] .. '.' .. clock[2]
  redis.call('SET', epochKey, epoch)
end

-- leases that ran out: their processes died or stalled, their permits come back
local expired = redis.call('ZRANGEBYSCORE', holders, '-inf', now)
for _, id in ipairs(expired) do redis.call('HDEL', tokens, id) end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', holders, '-inf', now) end
local gone = redis.call('ZRANGEBYSCORE', waiting, '-inf', now)
for _, member in ipairs(gone) do redis.call('ZREM', queue, member) end
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', waiting, '-inf', now) end

-- ms until the rate window admits another start (0: now)
local function rateWait()
  if rateLimit == 0 then return 0 end
  redis.call('ZREMRANGEBYSCORE', starts, '-inf', now - rateInterval)
  if redis.call('ZCARD', starts) < rateLimit then return 0 end
  local oldest = redis.call('ZRANGE', starts, 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + rateInterval - now
end

local function hasRoom()
  return concurrency < 0 or redis.call('ZCARD', holders) < concurrency
end

local function grant(id)
  local token = redis.call('INCR', counter)
  redis.call('ZADD', holders, now + leaseMs, id)
  redis.call('HSET', tokens, id, token)
  if rateLimit > 0 then redis.call('ZADD', starts, now, id) end
  return token
end

-- hands free slots to the head of the queue, publishing each grant except to the ids in the table
-- \`quiet\` (the waiters of this script's caller, who learn of it from the reply); returns ms until
-- the rate window opens, if a waiter is held back by it, else 0
local function promote(quiet)
  while true do
    local head = redis.call('ZRANGE', queue, 0, 0)
    if #head == 0 or not hasRoom() then return 0 end
    local wait = rateWait()
    if wait > 0 then return wait end
    local member = head[1]
    local id = string.sub(member, 18)
    redis.call('ZREM', queue, member)
    redis.call('ZREM', waiting, member)
    local token = grant(id)
    if not (quiet and quiet[id]) then redis.call('PUBLISH', channel, id .. ' ' .. token) end
  end
end
`;


/**
 * One process's releases and acquires of one moment, in one round trip. ARGV[6] how many releases,
 * then `id token` pairs for them, then `id priority` pairs for the acquires.
 *
 * A release frees the permit only if the token is still the one it was granted with (fencing: a
 * late release after the lease expired frees nothing). An acquire is granted at once when nobody
 * waits and a slot is free, else queued behind the waiters already there.
 * Replies `{epoch, wait, ...}` with, per acquire, "t<token>" (granted) or "q<member>" (queued).
 */
export const BATCH = `${prelude}
local releases = tonumber(ARGV[6])
local i = 7
for _ = 1, releases do
  if redis.call('HGET', tokens, ARGV[i]) == ARGV[i + 1] then
    redis.call('HDEL', tokens, ARGV[i])
    redis.call('ZREM', holders, ARGV[i])
  end
  i = i + 2
end
local ids, out, quiet = {}, {}, {}
while i <= #ARGV do
  local id, priority = ARGV[i], tonumber(ARGV[i + 1])
  i = i + 2
  local held = redis.call('HGET', tokens, id)
  if held then
    table.insert(out, 't' .. held)
  elseif redis.call('ZCARD', queue) == 0 and hasRoom() and rateWait() == 0 then
    table.insert(out, 't' .. grant(id))
  else
    local member = string.format('%016d', redis.call('INCR', counter)) .. ':' .. id
    redis.call('ZADD', queue, -priority, member)
    redis.call('ZADD', waiting, now + leaseMs, member)
    table.insert(out, 'q' .. member)
  end
  table.insert(ids, id)
  quiet[id] = true
end
local wait = promote(quiet)
for k, id in ipairs(ids) do
  if string.sub(out[k], 1, 1) == 'q' then
    local held = redis.call('HGET', tokens, id)
    if held then out[k] = 't' .. held end
  end
end
local reply = {epoch, wait}
for _, result in ipairs(out) do table.insert(reply, result) end
return reply
`;

/**
 * ARGV[6] waiter id, ARGV[7] its queue member. Takes the waiter out of the queue; if it was granted
 * meanwhile (the grant is on its way), frees that permit instead.
 */
export const WITHDRAW = `${prelude}
if redis.call('ZREM', queue, ARGV[7]) == 1 then
  redis.call('ZREM', waiting, ARGV[7])
elseif redis.call('HDEL', tokens, ARGV[6]) == 1 then
  redis.call('ZREM', holders, ARGV[6])
end
return {epoch, promote()}
`;

/**
 * One process's heartbeat. ARGV[6] the epoch the process last saw, ARGV[7] how many permits it
 * holds, then `id token` pairs for them, then `id member priority` triples for its waiters.
 * Renews every lease. If the epoch changed (the server lost its data), the process's permits and
 * waiters are registered again, so that new grants count the work still running (the waiters keep
 * their places among themselves, behind those queued on the new server). Replies
 * `{epoch, wait, lostPermitIds, grantedPairs, lostWaiterIds}`: grants whose message was missed,
 * and what expired while the process could not renew it (it stalled longer than the lease).
 */
export const HEARTBEAT = `${prelude}
local fresh = ARGV[6] ~= epoch
local count = tonumber(ARGV[7])
local lost, granted, lostWaiters = {}, {}, {}
local i = 8
for _ = 1, count do
  local id, token = ARGV[i], ARGV[i + 1]
  i = i + 2
  if redis.call('HGET', tokens, id) == token then
    redis.call('ZADD', holders, now + leaseMs, id)
  elseif fresh and not redis.call('HGET', tokens, id) then
    redis.call('ZADD', holders, now + leaseMs, id)
    redis.call('HSET', tokens, id, token)
  else
    table.insert(lost, id)
  end
end
while i <= #ARGV do
  local id, member, priority = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  i = i + 3
  local token = redis.call('HGET', tokens, id)
  if token then
    table.insert(granted, id)
    table.insert(granted, token)
  elseif redis.call('ZSCORE', queue, member) then
    redis.call('ZADD', waiting, now + leaseMs, member)
  elseif fresh then
    redis.call('ZADD', queue, -priority, member)
    redis.call('ZADD', waiting, now + leaseMs, member)
  else
    table.insert(lostWaiters, id)
  end
end
return {epoch, promote(nil), lost, granted, lostWaiters}
`;
