import { Tag } from 'nhsuk-react-components';
import type { TrainingNeedStatus } from '../gql/graphql';
import { NEED_STATUS } from './need-text';

export function NeedStatusTag({ status }: { status: TrainingNeedStatus }) {
  return <Tag modifier={NEED_STATUS[status].tag} data-testid="need-status">{NEED_STATUS[status].text}</Tag>;
}
