/**
 * A domain-independent customer-experience keyword dictionary, the kind a text-analytics tool ships with. It is the
 * bot's own configuration: it never looks at a corpus's gold themes or their keywords.
 */
export interface CxCategory {
  id: string;
  label: string;
  /** Single words (matched after stemming) or multi-word phrases (matched as phrases). */
  keywords: string[];
  action: string;
}

export const CX_DICTIONARY: CxCategory[] = [
  { id: 'delivery', label: 'Delivery and shipping', keywords: ['delivery', 'deliver', 'shipping', 'shipment', 'ship', 'courier', 'parcel', 'package', 'arrive', 'arrival', 'late', 'delay', 'tracking', 'dispatch', 'carrier'], action: 'Review carrier performance and delivery-time promises.' },
  { id: 'returns', label: 'Returns and refunds', keywords: ['return', 'refund', 'exchange', 'money back', 'send back', 'reimburse', 'reimbursement', 'chargeback'], action: 'Audit the returns and refund process and its turnaround time.' },
  { id: 'price', label: 'Price and value', keywords: ['price', 'expensive', 'overpriced', 'cost', 'costly', 'value', 'pricey', 'afford', 'cheaper', 'premium', 'increase'], action: 'Review pricing and how price changes are communicated.' },
  { id: 'quality', label: 'Product quality', keywords: ['quality', 'broken', 'broke', 'defect', 'defective', 'faulty', 'damaged', 'tear', 'ripped', 'fell apart', 'stitching', 'material', 'fabric', 'flimsy', 'durable'], action: 'Open a quality review with the product team and suppliers.' },
  { id: 'fit', label: 'Sizing and fit', keywords: ['size', 'sizing', 'fit', 'tight', 'loose', 'too small', 'too big', 'size chart'], action: 'Revise size guidance on product pages.' },
  { id: 'digital', label: 'App and website', keywords: ['app', 'website', 'site', 'online', 'portal', 'crash', 'bug', 'glitch', 'checkout', 'page', 'load', 'update', 'browser', 'dashboard'], action: 'Prioritise the reported app and website defects.' },
  { id: 'account', label: 'Login and account access', keywords: ['login', 'log in', 'password', 'locked', 'verification', 'verify', 'otp', 'two-factor', '2fa', 'sign in', 'account access'], action: 'Simplify login and account recovery.' },
  { id: 'service', label: 'Customer service and staff', keywords: ['staff', 'agent', 'rude', 'helpful', 'unhelpful', 'support', 'representative', 'advisor', 'manager', 'polite', 'friendly', 'customer service', 'call centre', 'call center'], action: 'Coach service staff and review escalation paths.' },
  { id: 'wait', label: 'Waiting and response time', keywords: ['wait', 'waiting', 'hold', 'queue', 'hours', 'slow', 'response', 'callback', 'call back', 'no answer', 'never heard', 'days'], action: 'Add capacity at peak times and set response-time targets.' },
  { id: 'billing', label: 'Billing and charges', keywords: ['bill', 'billing', 'charge', 'charged', 'invoice', 'overcharged', 'payment', 'double charged', 'direct debit', 'statement', 'autopay'], action: 'Check billing accuracy and make charges easier to understand.' },
  { id: 'fees', label: 'Fees and interest', keywords: ['fee', 'fees', 'overdraft', 'interest', 'commission', 'penalty', 'hidden'], action: 'Make fees transparent before customers incur them.' },
  { id: 'network', label: 'Outages and connectivity', keywords: ['outage', 'signal', 'network', 'connection', 'internet', 'wifi', 'wi-fi', 'coverage', 'dropped', 'disconnect', 'speed', 'down'], action: 'Investigate network reliability in the affected areas.' },
  { id: 'claims', label: 'Claims handling', keywords: ['claim', 'adjuster', 'assessor', 'payout', 'settlement', 'denied', 'rejected', 'paperwork', 'documents', 'approval'], action: 'Shorten claim handling and explain decisions clearly.' },
  { id: 'contract', label: 'Cancellation and contracts', keywords: ['cancel', 'cancellation', 'contract', 'renewal', 'renew', 'auto-renew', 'termination', 'notice period', 'subscription', 'unsubscribe'], action: 'Make cancellation and renewal terms clear and easy.' },
  { id: 'communication', label: 'Communication and notifications', keywords: ['email', 'notification', 'informed', 'communication', 'told', 'spam', 'newsletter', 'message', 'sms', 'no update', 'kept in the dark'], action: 'Send proactive status updates at each step.' },
  { id: 'features', label: 'Product features and usability', keywords: ['feature', 'integration', 'export', 'api', 'report', 'sync', 'usability', 'confusing', 'intuitive', 'setup', 'onboarding'], action: 'Feed feature requests and usability issues into the roadmap.' },
];

/** Opinion words for counting sentiment; a negator within two words before a positive word flips it. */
export const NEGATIVE_WORDS = [
  'bad', 'terrible', 'awful', 'horrible', 'worst', 'poor', 'late', 'broken', 'rude', 'slow', 'disappointed', 'disappointing',
  'angry', 'furious', 'useless', 'problem', 'issue', 'unacceptable', 'frustrating', 'frustrated', 'fail', 'failed', 'wrong',
  'missing', 'waste', 'annoying', 'annoyed', 'never', 'nightmare', 'ridiculous', 'confusing', 'expensive', 'overpriced',
  'delayed', 'lost', 'damaged', 'faulty', 'crash', 'crashes', 'error', 'complaint', 'hate', 'upset', 'scam', 'hidden', 'stuck',
];
export const POSITIVE_WORDS = [
  'good', 'great', 'excellent', 'love', 'loved', 'fast', 'quick', 'helpful', 'friendly', 'easy', 'perfect', 'happy',
  'amazing', 'recommend', 'smooth', 'fantastic', 'pleased', 'satisfied', 'nice', 'awesome', 'wonderful', 'polite', 'resolved',
];
export const NEGATORS = ['not', 'no', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'hardly'];
