import { describeBatchVendor } from './harness.js';
import { startAnthropicBatchMock } from './mocks/anthropic.js';

describeBatchVendor({ model: 'anthropic:claude-haiku-4-5', keyVariable: 'ANTHROPIC_API_KEY', start: startAnthropicBatchMock, baseUrl: (m) => m.url });
