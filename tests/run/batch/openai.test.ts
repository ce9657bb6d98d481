import { describeBatchVendor } from './harness.js';
import { startOpenAIBatchMock } from './mocks/openai.js';

describeBatchVendor({ model: 'openai:gpt-4o-mini', keyVariable: 'OPENAI_API_KEY', start: startOpenAIBatchMock, baseUrl: (m) => `${m.url}/v1` });
