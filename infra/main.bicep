// Syndication on Azure Functions (Flex Consumption). Deployed by `azd up`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group and the resource token.')
param environmentName string

@minLength(1)
@description('Region for all resources (must offer the Flex Consumption plan).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user, granted data access for local runs. Empty to skip.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
@description('Kind of principalId; a pipeline deploying as a service principal sets ServicePrincipal.')
param principalType string = 'User'

@description('Public base URL the feeds link to (e.g. a custom domain). Empty means the app\'s default host name.')
param publicBaseUrl string = ''

@description('Title of the feeds.')
param feedTitle string = 'Syndication'

@description('Azure Front Door Standard in front of the app (about 35 USD/month base fee; see README for when it pays).')
param frontDoor bool = false

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var articlesContainerName = 'articles'
var publishedContainerName = 'published'
var articlesTableName = 'articles'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [articlesContainerName, publishedContainerName, deploymentContainerName]
    tableNames: [articlesTableName]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  dependsOn: [storage, monitoring]
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

// The app starts only after its role assignments exist (they still take minutes to reach storage; the store retries).
module api 'modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [storage, monitoring, rbac]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    publicBaseUrl: publicBaseUrl
    feedTitle: feedTitle
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  dependsOn: [storage]
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
}

module cdn 'modules/frontdoor.bicep' = if (frontDoor) {
  name: 'frontdoor'
  scope: rg
  params: {
    name: '${abbrs.cdnProfiles}${resourceToken}'
    tags: tags
    originHostName: api.outputs.defaultHostName
  }
}

// Behind Front Door the feeds link the endpoint (or the custom domain in publicBaseUrl, pointed at Front Door).
var publicUrl = frontDoor && empty(publicBaseUrl) ? cdn!.outputs.url : api.outputs.baseUrl

module cdnUrl 'modules/publicurl.bicep' = if (frontDoor && empty(publicBaseUrl)) {
  name: 'publicurl'
  scope: rg
  params: {
    functionAppName: functionAppName
    publicBaseUrl: cdn!.outputs.url
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTGRID_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_ARTICLES_CONTAINER_NAME string = articlesContainerName
output SERVICE_API_ENDPOINT string = 'https://${api.outputs.defaultHostName}'
output FRONT_DOOR_ENDPOINT string = frontDoor ? cdn!.outputs.url : ''
output FEED_RSS_URL string = '${publicUrl}/api/feeds/all.rss'
output FEED_ATOM_URL string = '${publicUrl}/api/feeds/all.atom'
output FEED_JSON_URL string = '${publicUrl}/api/feeds/all.json'
