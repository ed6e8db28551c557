import { type Component, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { isMasked } from './names.ts';

interface PhoneNumberProps {
  phone: string;
  /** explain why the number is partly hidden (on the detail page, not in every card) */
  explain?: boolean;
}

/** A phone number: a tel: link when whole, a plain masked number (with the reason) when not. */
export const PhoneNumber: Component<PhoneNumberProps> = (props) => (
  <Show
    when={!isMasked(props.phone)}
    fallback={
      <span class="phone phone-masked">
        <span data-testid="gridworker-phone">{props.phone}</span>
        <Show when={props.explain}>
          <span class="hint" data-testid="phone-masked-hint">
            {t('org.phoneMasked')}
          </span>
        </Show>
      </span>
    }
  >
    <a class="phone" href={`tel:${props.phone}`} data-testid="gridworker-phone">
      {props.phone}
    </a>
  </Show>
);
