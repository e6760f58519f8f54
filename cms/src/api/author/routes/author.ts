import { readerRouter } from '../../../public-api/router';

export default readerRouter('api::author.author');
