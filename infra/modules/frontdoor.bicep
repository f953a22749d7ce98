// Azure Front Door Standard in front of the function app: readers are answered from the edge cache, and only misses
// and revalidations reach (and are billed by) the app. Optional: its base fee outweighs a small publisher's Flex bill.
// Only reading goes through it: a WAF policy blocks the manage routes and the deletion webhook (they are called at the
// app's own host name) and rate-limits partner feeds per client IP, where a password guesser would knock.
param profileName string
param tags object

@description('Default host name of the function app, the one origin.')
param originHostName string

@description('Name of the WAF policy (letters and digits only).')
param wafPolicyName string

@description('Requests per minute one client IP may make to /api/partners/* before Front Door blocks it (403) for the rest of that minute.')
param partnerRequestsPerMinute int = 120

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: 'feeds-${uniqueString(profile.id)}'
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin, so no health probes: each probe would be a billed execution, and there is nothing to fail over to.
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'function-app'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'function-app'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

// /api/* and WebFinger (/.well-known/webfinger, at the root as fediverse servers look it up: docs/fediverse.md) cached as the app's Cache-Control says (feeds: max-age; images: max-age, s-maxage an hour, never immutable),
// keyed on the query string (paging cursors, limit, image versions); the app compresses, so the edge does not.
resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'api'
  dependsOn: [origin]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    patternsToMatch: ['/api/*', '/.well-known/webfinger']
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'UseQueryString'
      compressionSettings: {
        isCompressionEnabled: false
      }
    }
  }
}

// Custom rules work on the Standard tier. RequestUri is matched lowercased and URL-decoded, so /API/Manage/ or
// /api/%6Danage/ (which the app's routing would accept) are caught too.
var uriTransforms = ['Lowercase', 'UrlDecode']

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
    }
    customRules: {
      rules: [
        {
          name: 'NotThroughFrontDoor'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'MatchRule'
          action: 'Block'
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              negateCondition: false
              matchValue: ['/api/manage/', '/api/events/']
              transforms: uriTransforms
            }
          ]
        }
        {
          name: 'PartnerFeedsPerClientIp'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: partnerRequestsPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          action: 'Block'
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'Contains'
              negateCondition: false
              matchValue: ['/api/partners/']
              transforms: uriTransforms
            }
          ]
        }
      ]
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: waf.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: ['/*']
        }
      ]
    }
  }
}

output url string = 'https://${endpoint.properties.hostName}'
