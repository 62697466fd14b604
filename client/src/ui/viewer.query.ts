import { graphql } from '../gql/gql';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      kind
      roles {
        role
        organisation {
          id
          name
          shortCode
        }
      }
      organisation {
        id
        name
      }
      partnership {
        id
        slug
        name
      }
    }
  }
`);
