import { describe, expect, it } from 'vitest';
import type { CorpusView } from '../../../src/plan/material.js';
import type { IdeaPool } from '../../../src/schema/datasets.js';
import { callsOf, play, resolved } from '../fixtures.js';

const A = 'co-creation-facilitation' as const;

const POOL: IdeaPool = {
  synthetic: true, description: 'test', sources: [], kind: 'ideas', id: 'ideas-test', domain: 'fashion-ecommerce',
  clusters: [{ id: 'c1', label: 'Packaging', keywords: ['packaging'] }, { id: 'c2', label: 'Repairs', keywords: ['repair'] }],
  items: [
    { id: 'i1', author: 'a', text: 'Use recycled packaging for every parcel', cluster: 'c1', votes: 9 },
    { id: 'i2', author: 'b', text: 'Less plastic packaging please', cluster: 'c1', votes: 3 },
    { id: 'i3', author: 'c', text: 'Packaging that can be reused for returns', cluster: 'c1', votes: 5 },
    { id: 'i4', author: 'd', text: 'Offer a repair service for jackets', cluster: 'c2', votes: 7 },
    { id: 'i5', author: 'e', text: 'Free repair of zips on old jackets', cluster: 'c2', votes: 1 },
    { id: 'i6', author: 'f', text: 'A night mode in the app', cluster: 'c2', votes: 0 },
  ],
};
const view = (gold: IdeaPool): CorpusView => ({ id: gold.id, kind: 'ideas', items: POOL.items.map((i) => ({ id: i.id, text: i.text })), gold, goldItemIds: gold.items.map((i) => i.id) });

describe('co-creation-facilitation rules counterpart', () => {
  it('groups ideas by shared keywords, largest group first, quoting them verbatim', async () => {
    const t = await play(A, resolved(A, { corpus: view(POOL) }), ['Please synthesise the ideas']);
    const proposals = callsOf(t, 'submit_synthesis')[0]?.arguments['proposals'] as { title: string; summary: string; ideaIds: string[] }[];
    expect(proposals[0]).toMatchObject({ title: 'Ideas about packaging', ideaIds: ['i1', 'i2', 'i3'] });
    expect(proposals[0]!.summary).toContain('"Less plastic packaging please"');
    expect(proposals[1]!.ideaIds.sort()).toEqual(['i4', 'i5']);
    expect(proposals.at(-1)).toMatchObject({ title: 'Other ideas', ideaIds: ['i6'] });
  });

  it('does not read votes or gold clusters', async () => {
    const other: IdeaPool = { ...POOL, clusters: [{ id: 'x', label: 'X', keywords: ['app'] }], items: POOL.items.map((i) => ({ ...i, cluster: 'x', votes: 100 - i.votes })) };
    const a = await play(A, resolved(A, { corpus: view(POOL) }), ['go']);
    const b = await play(A, resolved(A, { corpus: view(other) }), ['go']);
    expect(b).toEqual(a);
  });
});
