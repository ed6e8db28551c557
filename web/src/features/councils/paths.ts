// Where the councils section lives: the councils of a community, and one meeting in meeting mode.

/** The councils page. */
export const COUNCILS_PATH = '/councils';

/** 草厂社区 (前门街道): the community whose 小院议事厅 the page opens on when none is chosen. */
export const DEFAULT_COMMUNITY = '110101011003';

/** A meeting in meeting mode (the projector view), by its global id. */
export const meetingPath = (id: string) => `${COUNCILS_PATH}/meetings/${encodeURIComponent(id)}`;
