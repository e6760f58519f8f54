import { readerRouter } from '../../../public-api/router';

export default readerRouter('api::slug-redirect.slug-redirect');
