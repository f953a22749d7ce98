// The Azure Front Door profile alone, made before the function app: the app's access restriction needs the profile's
// id (the X-Azure-FDID header Front Door sends), and the endpoint and its origin need the app (frontdoor.bicep).
param name string
param tags object

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

output name string = profile.name
@description('The X-Azure-FDID value: the only Front Door profile whose requests the app accepts.')
output frontDoorId string = profile.properties.frontDoorId
