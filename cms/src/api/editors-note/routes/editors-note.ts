import { readerRouter } from '../../../public-api/router';

export default readerRouter('api::editors-note.editors-note');
