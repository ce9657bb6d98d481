import { describeBatchVendor } from './harness.js';
import { startGoogleBatchMock } from './mocks/google.js';

describeBatchVendor({ model: 'google:gemini-2.5-flash', keyVariable: 'GEMINI_API_KEY', start: startGoogleBatchMock, baseUrl: (m) => m.url });
