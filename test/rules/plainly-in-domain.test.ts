import fc from 'fast-check';
import { plainlyInDomain, readNumber, type NumberKind } from '../../src/rules';

describe("plainlyInDomain, the readers' short cut", () => {
  const kinds: NumberKind[] = ['rate', 'growth', 'money', 'count', 'amount', 'months'];
  it('accepts only what the rules core reader accepts', () => {
    const doubles = fc.oneof(
      fc.double(),
      fc.double({ min: -2, max: 2 }),
      fc.integer().map((n) => n / 1000),
      fc.constantFrom(0, -0, 1, -1, 1 + Number.EPSILON, -1 - Number.EPSILON, 2 ** 53, 1e-320),
    );
    fc.assert(
      fc.property(doubles, fc.constantFrom(...kinds), (x, kind) => {
        if (plainlyInDomain(x, kind)) expect(readNumber(x, 'x', kind).ok).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
