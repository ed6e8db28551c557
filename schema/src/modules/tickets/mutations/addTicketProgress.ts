import { partMutation } from './partAction.ts';

partMutation(
  'addTicketProgress',
  'progress',
  'Adds a progress note to a part; the first note within 48 hours is the feedback to the resident.',
  { required: true, description: 'What was done or found (1–2000 characters).' },
);
