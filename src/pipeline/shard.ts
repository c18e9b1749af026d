// `audit --shard k/n`: which translations a shard pairs and checks. A translation belongs to shard
// 1 + (hash mod n), the hash taken over its file and record id (its text when the record has no id):
// the same translation lands in the same shard whatever the order or number of inputs of the run.
import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import type { Block } from '../core/types.js';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n); a usage error naming the value otherwise. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Invalid --shard \`${value}\``, '--shard takes k/n with 1 ≤ k ≤ n, e.g. --shard 2/8 (the second of eight shards)');
  }
  return { index, count };
}

/** The shard (1-based) a block belongs to among `count`. */
export function shardOf(block: Pick<Block, 'file' | 'recordId' | 'text'>, count: number): number {
  const key = `${block.file}\u0000${block.recordId !== undefined && block.recordId !== '' ? `id:${block.recordId}` : `text:${block.text}`}`;
  return 1 + (createHash('sha1').update(key).digest().readUInt32BE(0) % count);
}

/** A predicate keeping the blocks of one shard. */
export function inShard(shard: Shard): (block: Block) => boolean {
  return (block) => shardOf(block, shard.count) === shard.index;
}
