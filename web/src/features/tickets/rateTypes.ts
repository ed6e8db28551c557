/** One line of the three rates (TicketRates in the schema), as the rates page selects it. */
export interface RateLine {
  month: string;
  unitKind: string;
  unitCode: string | null;
  unitName: string;
  unitNameEn: string;
  tickets: number;
  responseDue: number;
  respondedInTime: number;
  callbacks: number;
  resolved: number;
  satisfied: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** The three rates, in the order the page shows them. */
export const RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
