import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/audit/read-csv.js';

describe('CSV transcripts', () => {
  it('groups rows by conversation, orders them by turn, maps speakers, and keeps system rows as the brief', () => {
    const text = 'conversation_id,turn,speaker,text\n' +
      'a,2,agent,Hello\n' +
      'a,1,user,Hi\n' +
      'a,0,system,Be brief\n' +
      'b,1,customer,"Two\nlines"\n' +
      'b,2,assistant,ok\n';
    const { records, problems } = readCsv('c.csv', text);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.id, r.line])).toEqual([['a', 2], ['b', 5]]);
    expect(records[0]!.turns).toEqual([{ speaker: 'customer', text: 'Hi' }, { speaker: 'agent', text: 'Hello' }]);
    expect(records[0]!.brief).toEqual(['Be brief']);
    expect(records[1]!.turns[0]!.text).toBe('Two\nlines');
    expect(records[0]).toMatchObject({ truth: null, usage: null, costUsd: null, date: { date: null } });
  });

  it('names the real line of a bad row, after a quoted line break', () => {
    const text = 'conversation_id,turn,speaker,text\na,1,user,"one\ntwo"\na,2,robot,x\na,2,agent,y\n';
    const { problems } = readCsv('c.csv', text);
    expect(problems.map((p) => `${p.line}:${p.path}`)).toEqual(['4:speaker']);
  });

  it('a repeated turn number, a missing column, and a timestamp column that dates the conversation', () => {
    const dup = readCsv('c.csv', 'conversation_id,turn,speaker,text\na,1,user,x\na,1,agent,y\n');
    expect(dup.problems.map((p) => `${p.line}:${p.path}`)).toEqual(['3:turn']);
    const missing = readCsv('c.csv', 'conversation,turn,speaker,text\na,1,user,x\n');
    expect(missing.problems[0]).toMatchObject({ line: 1, path: 'conversation_id' });
    const dated = readCsv('c.csv', 'conversation_id,turn,speaker,text,timestamp\na,1,user,x,2026-03-11T10:00:05Z\na,2,agent,y,\n');
    expect(dated.records[0]!.date).toEqual({ date: '2026-03-11', source: 'timestamp' });
  });
});
