import { packageTestConfig } from '../vitest.shared.ts';

export default packageTestConfig(['test/**/*.test.ts'], 60_000);
