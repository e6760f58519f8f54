import { CONTENT_TYPES } from '@newsroom/contract';
import { readerRouter } from '../../../public-api/router';

export default readerRouter(CONTENT_TYPES.author.uid);
