package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Costs by Microsoft's table (identity and access service limits), for the requests the portal
 * makes and for a few listed operations, read off the URL as the OkHttp chain sees it.
 */
class RequestCostTest {

  private static final GraphBudget BUDGET =
      new GraphBudget(
          GraphBudget.TenantSize.S,
          1,
          Duration.ofSeconds(1),
          "https://graph.microsoft.com/v1.0",
          GraphBudget.SYSTEM);

  @ParameterizedTest(name = "{0} {1} = {2} RU, {3} writes")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            GET    | users?$filter=mail eq 'a@b.c'&$select=id,mail                                  | 1 | 0
            GET    | users?$filter=mail eq 'a@b.c'                                                   | 2 | 0
            GET    | users?$select=id&$top=5                                                         | 1 | 0
            GET    | users?$top=999                                                                  | 2 | 0
            GET    | users/5a1c0d3e-1111-4222-8333-944455556666?$select=id,accountEnabled            | 1 | 0
            GET    | users/5a1c0d3e-1111-4222-8333-944455556666/transitiveMemberOf                   | 2 | 0
            GET    | users/5a1c0d3e-1111-4222-8333-944455556666/transitiveMemberOf?$select=id        | 1 | 0
            GET    | users/jane@contoso.com/memberOf                                                 | 2 | 0
            GET    | users/5a1c0d3e-1111-4222-8333-944455556666?$expand=manager                      | 2 | 0
            POST   | users/5a1c0d3e-1111-4222-8333-944455556666/checkMemberGroups                    | 4 | 1
            POST   | users/5a1c0d3e-1111-4222-8333-944455556666/getMemberObjects                     | 2 | 1
            GET    | groups/90a33271-0c65-5b3b-9447-e860ef890f25/transitiveMembers                   | 5 | 0
            PATCH  | users/5a1c0d3e-1111-4222-8333-944455556666                                      | 1 | 1
            POST   | users/5a1c0d3e-1111-4222-8333-944455556666/revokeSignInSessions                 | 1 | 1
            POST   | users/5a1c0d3e-1111-4222-8333-944455556666/authentication/temporaryAccessPassMethods | 1 | 1
            DELETE | users/5a1c0d3e-1111-4222-8333-944455556666/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7 | 1 | 1
            GET    | users/5a1c0d3e-1111-4222-8333-944455556666/authentication/methods               | 1 | 0
            """)
  void costs(String method, String path, int resourceUnits, int writes) {
    RequestBody body =
        method.equals("GET") ? null : RequestBody.create("{}", MediaType.get("application/json"));
    Request request =
        new Request.Builder()
            .url("https://graph.microsoft.com/v1.0/" + path)
            .method(method, body)
            .build();
    assertEquals(new RequestCost(resourceUnits, writes), BUDGET.cost(request));
  }
}
