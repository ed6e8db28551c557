import { partMutation } from './partAction.ts';

partMutation(
  'resolveTicketPart',
  'resolve',
  'Resolves a dispatch part; the ticket is resolved when every part is.',
  { required: false, description: 'What was done or found (up to 2000 characters).' },
);
