import { PointerSensor, useSensor, useSensors } from '@dnd-kit/core';

/**
 * Sensors for dragging by a grip (reading-list rows, comparison columns): the mouse must move a
 * few pixels first, so a click on the grip is still a click. The keyboard moves items otherwise.
 */
export const useGripSensors = () => useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
