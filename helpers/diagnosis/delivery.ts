/**
 * Whether Cognito's CodeDeliveryDetails names this address. AWS masks it
 * (`a***@e***`: the first letter of each part); the emulator gives it whole.
 */
export function deliveredTo(details: { Destination?: string; DeliveryMedium?: string }, address: string): boolean {
  const destination = details.Destination ?? '';
  if (details.DeliveryMedium !== 'EMAIL') return false;
  if (!destination.includes('*')) return destination.toLowerCase() === address.toLowerCase();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = destination.split(/\*+/).map(escape).join('.*');
  return new RegExp(`^${pattern}$`, 'i').test(address);
}
