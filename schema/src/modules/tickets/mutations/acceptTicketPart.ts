import { partMutation } from './partAction.ts';

partMutation(
  'acceptTicketPart',
  'accept',
  'Accepts a dispatch part: the handling side takes the work (this is the response the response rate times).',
  { required: false, description: 'What was done or found (up to 2000 characters).' },
);
