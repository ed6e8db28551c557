// What the action forms send and say, without a browser: a clientMutationId per submit that a retry
// after a lost answer keeps, and the translated reasons of the API's refusals.
import { CombinedError, type OperationResult } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { DISPATCH_PROBLEMS } from '../src/graphql/enums.ts';
import { dictionaries } from '../src/i18n/index.ts';
import { ticketOutcomeNames } from '../src/features/tickets/ticketOutcome.ts';
import { withClientMutationId } from '../src/ui/actionForm.ts';
import { failureText } from '../src/ui/outcome.ts';

type Input = { id: string; note?: string; clientMutationId?: string | null };

/** A mutation that records what it was sent and answers as told. */
function fakeMutation() {
  const sent: Input[] = [];
  let next: 'answer' | 'lost' = 'answer';
  const execute = async (variables: { input: Input }) => {
    sent.push(variables.input);
    const lost = next === 'lost';
    next = 'answer';
    return (lost ? { error: new CombinedError({ networkError: new Error('connection reset') }) } : { data: { ok: true } }) as unknown as OperationResult;
  };
  return { sent, loseNextAnswer: () => (next = 'lost'), send: withClientMutationId(execute) };
}

// what the API accepts: 8–128 letters, digits, . _ : -
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

describe('clientMutationId', () => {
  it('is fresh for every submit that was answered', async () => {
    const mutation = fakeMutation();
    await mutation.send({ id: 't1' });
    await mutation.send({ id: 't1' });
    const [first, second] = mutation.sent.map((input) => input.clientMutationId);
    expect(first).toMatch(REQUEST_ID);
    expect(second).toMatch(REQUEST_ID);
    expect(first).not.toBe(second);
  });

  it('stays the same when the same submit is sent again after its answer was lost', async () => {
    const mutation = fakeMutation();
    mutation.loseNextAnswer();
    const lost = await mutation.send({ id: 't1', note: '已到现场' });
    expect(lost.error?.networkError).toBeDefined();
    await mutation.send({ id: 't1', note: '已到现场' });
    await mutation.send({ id: 't1', note: '已到现场' });
    const ids = mutation.sent.map((input) => input.clientMutationId);
    expect(ids[1]).toBe(ids[0]);
    // that retry was answered: the next submit is a new request
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('is fresh when the input changed after a lost answer: that is another request', async () => {
    const mutation = fakeMutation();
    mutation.loseNextAnswer();
    await mutation.send({ id: 't1', note: '已到现场' });
    await mutation.send({ id: 't1', note: '已到现场，正在处理' });
    const [first, second] = mutation.sent;
    expect(second!.clientMutationId).not.toBe(first!.clientMutationId);
    expect(second).toEqual({ id: 't1', note: '已到现场，正在处理', clientMutationId: second!.clientMutationId });
  });
});

describe('refusals in the interface language', () => {
  it('explains every reason a dispatch target is refused for, in Chinese first', () => {
    const texts = DISPATCH_PROBLEMS.map((reason) => failureText({ kind: 'refused', reason }, ticketOutcomeNames));
    expect(texts).toEqual(DISPATCH_PROBLEMS.map((reason) => dictionaries['zh-CN'].tickets.dispatchProblem[reason]));
    expect(failureText({ kind: 'refused', reason: 'UNROUTED' }, ticketOutcomeNames)).toBe('该工单尚未定位到街道，请选择派往的街道。');
    expect(dictionaries.en.tickets.dispatchProblem.UNROUTED).toBe('The ticket is not placed in a subdistrict yet; choose where to send it.');
  });

  it('names a reason it does not know as sent, and a reused request id', () => {
    expect(failureText({ kind: 'refused', reason: 'NEW_REASON' }, ticketOutcomeNames)).toBe('NEW_REASON');
    expect(failureText({ kind: 'refused', reason: 'NEW_REASON' })).toBe('未能执行：NEW_REASON。');
    expect(failureText({ kind: 'reused' })).toBe('这次提交的请求编号已用于另一次请求，未做任何更改。请再提交一次。');
  });
});
